import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{__name}from"./chunk-4DDI2RTU.js";function policyFromConfig(config){let{sigma,minEffect,fdr,minBaselineRuns}=config.compare;return{...sigma===void 0?{}:{sigma},...minEffect===void 0?{}:{minEffect},...fdr===void 0?{}:{fdr},...minBaselineRuns===void 0?{}:{minBaselineRuns}}}__name(policyFromConfig,"policyFromConfig");export{policyFromConfig};
