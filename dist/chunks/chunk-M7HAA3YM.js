import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
var MAAT_VERSION="0.1.0";export{MAAT_VERSION};
