import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{scheduleCoverage,scheduleCoverageNotes}from"./chunk-COBZMOAK.js";import"./chunk-4DDI2RTU.js";export{scheduleCoverage,scheduleCoverageNotes};
