import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__name}from"./chunk-4DDI2RTU.js";var MaatError=class extends Error{static{__name(this,"MaatError")}hint;exitCode;constructor(message,options={}){super(message,options.cause===void 0?void 0:{cause:options.cause}),this.name=new.target.name,this.hint=options.hint,this.exitCode=options.exitCode??2}},UsageError=class extends MaatError{static{__name(this,"UsageError")}};export{MaatError,UsageError};
