import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__name}from"./chunk-4DDI2RTU.js";function codeBundleLocation(bucketUrl,sha256){let match=/^(?:s3:\/\/)?([^/]+)\/?(.*)$/.exec(bucketUrl),bucket=match?.[1]??bucketUrl,prefix=(match?.[2]??"").replace(/\/*$/,""),key=`${prefix===""?"":`${prefix}/`}maat-code/${sha256}.tar.gz`;return{bucket,key,url:`s3://${bucket}/${key}`}}__name(codeBundleLocation,"codeBundleLocation");export{codeBundleLocation};
