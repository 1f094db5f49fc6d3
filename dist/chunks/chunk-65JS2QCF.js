import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__require}from"./chunk-4DDI2RTU.js";var builtin=(process.getBuiltinModule??__require)("node:child_process");var{_forkChild,ChildProcess,exec,execFile,execFileSync,execSync,fork,spawn,spawnSync}=builtin;export{execFile,spawn};
