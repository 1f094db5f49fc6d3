import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__name}from"./chunk-4DDI2RTU.js";import{randomBytes}from"node:crypto";function newRunId(){return`${new Date().toISOString().replace(/[-:]/g,"").replace(/\..*$/,"")}-${randomBytes(4).toString("hex")}`}__name(newRunId,"newRunId");export{newRunId};
