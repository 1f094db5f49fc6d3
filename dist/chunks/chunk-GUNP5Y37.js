import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{markdownTable}from"./chunk-DH5CKN4T.js";import{__name}from"./chunk-4DDI2RTU.js";function renderTextTable(header,rows){return markdownTable([header,...rows],{alignDelimiters:!0}).split(`
`).filter((_,index)=>index!==1).map(line=>line.replace(/^\| /,"").replace(/ \|$/,"").replaceAll(" | ","  ").trimEnd()).join(`
`)}__name(renderTextTable,"renderTextTable");export{renderTextTable};
