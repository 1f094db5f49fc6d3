import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__name}from"./chunk-4DDI2RTU.js";function s3SettingsFor(config,bucket){let{buckets,...shared}=config;return{...shared,...buckets[bucket]??{}}}__name(s3SettingsFor,"s3SettingsFor");export{s3SettingsFor};
