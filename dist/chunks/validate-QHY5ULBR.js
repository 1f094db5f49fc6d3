import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{descriptorId,findDescriptorFiles,findRepoRoot,formatProblem,validateDescriptorFile}from"./chunk-6HA6XZ5I.js";import"./chunk-GACRY2BR.js";import"./chunk-JFZS35FJ.js";import"./chunk-CVTPM7WI.js";import"./chunk-HPOGSOIT.js";import{UsageError}from"./chunk-CPW2E6KV.js";import{__name}from"./chunk-4DDI2RTU.js";import path from"node:path";import{parseArgs}from"node:util";var HELP=`maat validate [paths...] [--json]

Checks benchmark descriptors (TOML) against the descriptor schema and Maat's rules, and
reports every problem with its file, line and column. A folder means every *.toml under it;
with no paths, benchmarks/ at the repository root.

Options:
  --json    print { files: [{ file, valid, id, problems, warnings }] } on stdout

Exit codes: 0 all descriptors valid (warnings allowed); 2 a descriptor is invalid or bad usage.

Examples:
  maat validate
  maat validate benchmarks/resnet/descriptor.toml
  maat validate benchmarks/nlp --json`,validateCommand={name:"validate",help:HELP,async run(context){let{paths,json}=readArguments(context.argv),repoRoot=findRepoRoot(context.cwd),files=await findDescriptorFiles(paths,{cwd:context.cwd,repoRoot});if(files.length===0)throw new UsageError(`no descriptor files found in ${paths.length>0?paths.join(", "):"benchmarks/"}`,{hint:"descriptors are *.toml files; pass their paths or put them under benchmarks/"});let reports=[];for(let file of files){let shown=path.relative(context.cwd,file).replaceAll("\\","/")||file,result=await validateDescriptorFile(file,{repoRoot,displayPath:shown}),id=result.descriptor?.id??descriptorId(path.relative(repoRoot,file));reports.push({file:shown,valid:result.problems.length===0,id,...result})}if(flagDuplicateIds(reports),json){let files2=reports.map(({file,valid,id,problems,warnings})=>({file,valid,id,problems,warnings}));context.stdout.write(`${JSON.stringify({files:files2},null,2)}
`)}else{for(let report of reports){for(let problem of report.problems)context.stderr.write(`${formatProblem(problem)}
`);for(let warning of report.warnings)context.stderr.write(`${formatProblem(warning,"warning")}
`)}context.stdout.write(`${summarize(reports)}
`)}return reports.every(r=>r.valid)?0:2}};function readArguments(argv){try{let{values,positionals}=parseArgs({args:argv,options:{json:{type:"boolean",default:!1}},allowPositionals:!0,strict:!0});return{paths:positionals,json:values.json===!0}}catch(error){throw new UsageError(error instanceof Error?error.message:String(error),{hint:"usage: maat validate [paths...] [--json]"})}}__name(readArguments,"readArguments");function flagDuplicateIds(reports){let firstById=new Map;for(let report of reports){let first=firstById.get(report.id);if(first===void 0){firstById.set(report.id,report.file);continue}report.valid=!1,report.problems.push({file:report.file,line:1,column:1,field:"",message:`has the id "${report.id}", like ${first}; ids come from file paths, so rename or move one of them`})}}__name(flagDuplicateIds,"flagDuplicateIds");function summarize(reports){let valid=reports.filter(r=>r.valid).length,invalid=reports.length-valid,warnings=reports.reduce((n,r)=>n+r.warnings.length,0),noun=valid===1?"descriptor":"descriptors",warned=warnings===0?"":` (${warnings} warning${warnings===1?"":"s"})`;return`${valid} ${noun} valid, ${invalid} invalid${warned}`}__name(summarize,"summarize");export{validateCommand};
