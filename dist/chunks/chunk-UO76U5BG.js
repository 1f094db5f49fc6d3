import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__require}from"./chunk-4DDI2RTU.js";var builtin=(process.getBuiltinModule??__require)("node:module");var{createRequire}=builtin;var requireBuiltin=createRequire(import.meta.url),builtinModule=process.getBuiltinModule??(id=>requireBuiltin(id));export{builtinModule};
