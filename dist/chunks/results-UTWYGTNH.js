import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{describeReceipt,formatNumber,resultsCommand}from"./chunk-S66RP7RN.js";import"./chunk-GS566O7M.js";import"./chunk-JCM5ZCMD.js";import"./chunk-FMBHGID2.js";import"./chunk-5X2XU2ZZ.js";import"./chunk-RLYWWJGA.js";export{describeReceipt,formatNumber,resultsCommand};
