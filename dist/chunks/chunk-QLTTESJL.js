import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{MaatError}from"./chunk-33WO47SG.js";import{__name}from"./chunk-4DDI2RTU.js";var RunnerError=class extends MaatError{static{__name(this,"RunnerError")}phase;constructor(message,options){super(message,{...options,exitCode:2}),this.phase=options.phase}};export{RunnerError};
