import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__require}from"./chunk-4DDI2RTU.js";var builtin=(process.getBuiltinModule??__require)("node:stream/promises");var{finished,pipeline}=builtin;export{finished,pipeline};
