import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{builtinModule}from"./chunk-UO76U5BG.js";import{__name}from"./chunk-4DDI2RTU.js";function sha256Hex(text){return builtinModule("node:crypto").createHash("sha256").update(text).digest("hex")}__name(sha256Hex,"sha256Hex");export{sha256Hex};
