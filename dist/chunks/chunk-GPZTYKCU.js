import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{createRequire}from"node:module";var requireBuiltin=createRequire(import.meta.url),builtinModule=process.getBuiltinModule??(id=>requireBuiltin(id));export{builtinModule};
