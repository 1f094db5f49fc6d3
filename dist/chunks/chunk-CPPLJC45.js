import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__name}from"./chunk-4DDI2RTU.js";function formatNumber(value){return Number.isFinite(value)?Math.abs(value)>=1e3?value.toFixed(0):String(Number(value.toPrecision(4))):String(value)}__name(formatNumber,"formatNumber");export{formatNumber};
