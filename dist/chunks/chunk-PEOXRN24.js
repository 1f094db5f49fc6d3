import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import module from"node:module";var cache=module.enableCompileCache;try{cache?.()}catch{}
