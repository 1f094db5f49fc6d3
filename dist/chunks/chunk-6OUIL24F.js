import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__name}from"./chunk-4DDI2RTU.js";function parseRepository(fullName){let[owner,repo,...rest]=fullName.split("/");if(!owner||!repo||rest.length>0)throw new Error(`not an owner/name repository: "${fullName}"`);return{owner,repo}}__name(parseRepository,"parseRepository");export{parseRepository};
