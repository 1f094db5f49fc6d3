import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__require}from"./chunk-4DDI2RTU.js";var builtin=(process.getBuiltinModule??__require)("node:stream");var{isDestroyed,isDisturbed,isErrored,isReadable,isWritable,Readable,Writable,Duplex,Transform,PassThrough,duplexPair,pipeline,addAbortSignal,finished,destroy,compose,setDefaultHighWaterMark,getDefaultHighWaterMark,Stream,_isArrayBufferView,_isUint8Array,_uint8ArrayToBuffer}=builtin;export{Readable,Writable,Transform};
