import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__require}from"./chunk-O4SWRLFW.js";var builtin=(process.getBuiltinModule??__require)("node:path"),node_path_default=builtin,{resolve,normalize,isAbsolute,join,relative,toNamespacedPath,dirname,basename,extname,format,parse,matchesGlob,sep,delimiter,win32,posix,_makeLong}=builtin;export{node_path_default,join};
