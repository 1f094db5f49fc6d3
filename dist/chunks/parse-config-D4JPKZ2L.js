import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{parseRepositoryConfig}from"./chunk-4TIR7FKZ.js";import"./chunk-XYP7Q636.js";import"./chunk-ONYA6S2J.js";import"./chunk-4DDI2RTU.js";export{parseRepositoryConfig};
