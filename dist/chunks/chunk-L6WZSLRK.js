import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{MaatError}from"./chunk-33WO47SG.js";import{__name}from"./chunk-4DDI2RTU.js";var StorageError=class extends MaatError{static{__name(this,"StorageError")}url;transient;status;constructor(url,message,options={}){super(message,{exitCode:2,...options}),this.url=url,this.transient=options.transient??!1,this.status=options.status}};export{StorageError};
