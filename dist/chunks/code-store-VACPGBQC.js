import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{codeBundleLocation}from"./chunk-6JNHDOLE.js";import"./chunk-4DDI2RTU.js";export{codeBundleLocation};
