import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__require}from"./chunk-4DDI2RTU.js";var builtin=(process.getBuiltinModule??__require)("node:os"),node_os_default=builtin,{arch,availableParallelism,cpus,endianness,freemem,getPriority,homedir,hostname,loadavg,networkInterfaces,platform,release,setPriority,tmpdir,totalmem,type,userInfo,uptime,version,machine,constants,EOL,devNull}=builtin;export{node_os_default,hostname,tmpdir,constants};
