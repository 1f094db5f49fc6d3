import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{parseCommandArgs}from"./chunk-KDWAOU2X.js";import{loadRepository,planRuns,toMatrix}from"./chunk-YR3OAGV4.js";import"./chunk-2ISAHWGB.js";import"./chunk-BNER7EVE.js";import"./chunk-GJHLDE2S.js";import"./chunk-D5UZHEB6.js";import"./chunk-GW37OCX3.js";import{findRepoRoot,formatProblem}from"./chunk-6HA6XZ5I.js";import"./chunk-GACRY2BR.js";import"./chunk-JFZS35FJ.js";import"./chunk-CVTPM7WI.js";import"./chunk-HPOGSOIT.js";import"./chunk-SYWEUVSI.js";import{UsageError}from"./chunk-CPW2E6KV.js";import{__name}from"./chunk-4DDI2RTU.js";import{execFile}from"node:child_process";import{promisify}from"node:util";var exec=promisify(execFile),HELP=`maat plan: show what the action would run for an event, from this checkout

Usage:
  maat plan [--base REF]                 a pull request: files changed since REF (default origin/main)
  maat plan --files a,b [--label L]...   a pull request touching exactly these files
  maat plan --schedule CRON [--last-run ISO] [--now ISO]
                                         a scheduled wake-up of the workflow's own cron
  maat plan --dispatch all|id,...        a manual dispatch
Options:
  --json      print {"plan": {...}, "matrix": {...}} instead of the summary

The same planner the action's plan step uses, with the repository's maat.toml.

Examples:
  maat plan --base main
  maat plan --files models/resnet/train.py --label benchmark:all
  maat plan --schedule "0 * * * *" --last-run 2026-11-24T03:00:00Z --json`,planCommand={name:"plan",help:HELP,async run(context){let{values}=parseCommandArgs("plan",context.argv,{base:{type:"string"},files:{type:"string"},label:{type:"string",multiple:!0},schedule:{type:"string"},"last-run":{type:"string"},now:{type:"string"},dispatch:{type:"string"},json:{type:"boolean"}}),repoRoot=findRepoRoot(context.cwd),repository=await loadRepository(repoRoot);for(let problem of repository.problems)context.stderr.write(`${formatProblem(problem)}
`);if(repository.problems.length>0)throw new UsageError(`${repository.problems.length} problem(s) in benchmark descriptors`,{hint:"run 'maat validate' and fix them first"});let event=await eventFrom(values,repoRoot),now=values.now===void 0?new Date:instant("--now",values.now),plan=planRuns({event,descriptors:repository.descriptors,config:repository.config,now});return values.json?context.stdout.write(`${JSON.stringify({plan,matrix:toMatrix(plan)},null,2)}
`):context.stdout.write(`${plan.summaryMarkdown}
`),0}};async function eventFrom(values,repoRoot){return values.schedule!==void 0?{kind:"schedule",cron:values.schedule,...values["last-run"]===void 0?{}:{lastRunAt:instant("--last-run",values["last-run"])}}:values.dispatch!==void 0?{kind:"workflow_dispatch",benchmarks:values.dispatch.split(",").map(s=>s.trim()).filter(Boolean)}:{kind:"pull_request",changedFiles:values.files!==void 0?values.files.split(",").map(f=>f.trim()).filter(Boolean):await changedSince(repoRoot,values.base??"origin/main"),labels:values.label??[],headSha:"HEAD",isFork:!1,prNumber:0}}__name(eventFrom,"eventFrom");async function changedSince(repoRoot,base){try{let{stdout}=await exec("git",["diff","--name-only",`${base}...HEAD`],{cwd:repoRoot});return stdout.split(`
`).filter(Boolean)}catch(error){throw new UsageError(`cannot list the files changed since ${base}: ${error.message.split(`
`)[0]}`,{hint:"pass --base with a branch or commit this checkout has, or --files"})}}__name(changedSince,"changedSince");function instant(flag,text){let date=new Date(text);if(Number.isNaN(date.getTime()))throw new UsageError(`${flag} must be a date and time like 2026-11-24T03:00:00Z`);return date}__name(instant,"instant");export{planCommand};
