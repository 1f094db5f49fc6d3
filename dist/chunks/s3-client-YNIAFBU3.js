import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{createS3Client}from"./chunk-6ROPA6AY.js";import"./chunk-LW5OH4TB.js";import"./chunk-SYQYGEUK.js";import"./chunk-4DDI2RTU.js";export{createS3Client};
