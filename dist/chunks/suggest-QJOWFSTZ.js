import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{suggestClosest}from"./chunk-ZCFHVJPW.js";import"./chunk-ONYA6S2J.js";import"./chunk-4DDI2RTU.js";export{suggestClosest};
