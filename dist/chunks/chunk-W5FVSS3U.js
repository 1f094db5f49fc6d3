import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{pushResults}from"./chunk-OOF4MZSM.js";import{pullResults}from"./chunk-E65T6YR5.js";import{openResultsStore}from"./chunk-TVFWB5UL.js";import{readReceipt,readResultsFolder}from"./chunk-27ZEGCU4.js";import{renderTextTable}from"./chunk-I43GCTYC.js";import{parseCommandArgs}from"./chunk-KDWAOU2X.js";import{formatDuration}from"./chunk-CN44QZ3B.js";import{loadRepositoryConfig}from"./chunk-3G5ZED3N.js";import{findRepoRoot}from"./chunk-EX7H6CZU.js";import{UsageError}from"./chunk-CPW2E6KV.js";import{__name}from"./chunk-4DDI2RTU.js";import path from"node:path";var HELP=`maat results: list and show result receipts

Usage:
  maat results list [--benchmark ID] [--results-dir DIR] [--store LOCATION] [--json]
  maat results show <receipt.json | result-id | benchmark-id> [--results-dir DIR] [--json]
  maat results push [receipts or folders...] [--store LOCATION] [--no-logs] [--json]
  maat results pull [result-id...] [--benchmark ID] [--commit SHA] [--store LOCATION] [--logs] [--json]

'show' with a benchmark id shows its latest receipt. Receipts live in .maat/results/
(<benchmark-id>/<timestamp>-<shortsha>.json), logs beside them in <name>.logs/.

'push' copies receipts (default: every one in the results folder) and their logs to the
results store, [results] store in maat.toml (s3://bucket/prefix or a folder) unless --store
names another. It is idempotent: a receipt already there with the same bytes is left alone,
and a different receipt under the same result id is never overwritten. Receipts stay on
local disk; one that fails to upload is reported and can be pushed again later. 'pull'
copies receipts from the store into the results folder (all, one benchmark's history, one
commit's, or the ids named), and their logs with --logs. 'list --store' lists the store.

Examples:
  maat results list
  maat results list --benchmark hello-world --json
  maat results push
  maat results pull --benchmark resnet --store s3://bench-results/maat
  maat results list --store s3://bench-results/maat
  maat results show hello-world
  maat results show .maat/results/hello-world/20261124T215012345Z-1a2b3c4.json`,resultsCommand={name:"results",help:HELP,async run(context){let{values,positionals}=parseCommandArgs("results",context.argv,{benchmark:{type:"string"},"results-dir":{type:"string"},store:{type:"string"},commit:{type:"string"},logs:{type:"boolean"},json:{type:"boolean",default:!1}}),[subcommand,target,...extra]=positionals,resultsDir=path.resolve(context.cwd,values["results-dir"]??".maat/results");if(subcommand==="push"||subcommand==="pull"||subcommand==="list"&&values.store!==void 0){let store=await storeFor(context,values.store),rest=positionals.slice(1);return subcommand==="push"?push(context,store,rest.length>0?rest:[resultsDir],values):subcommand==="pull"?pull(context,store,resultsDir,rest,values):listStore(context,store,values.benchmark,values.json??!1)}if(subcommand==="list"&&target===void 0)return list(context,resultsDir,values.benchmark,values.json??!1);if(subcommand==="show"&&target!==void 0&&extra.length===0)return show(context,resultsDir,target,values.json??!1);throw new UsageError("expected 'results list', 'results show <receipt>', 'results push' or 'results pull'",{hint:"run 'maat results --help'"})}};async function loadAll(resultsDir,cwd){return readResultsFolder(resultsDir,cwd)}__name(loadAll,"loadAll");async function list(context,resultsDir,benchmark,json){let all=(await loadAll(resultsDir,context.cwd)).filter(({receipt})=>benchmark===void 0||receipt.benchmark.id===benchmark).sort((a,b)=>b.receipt.startedAt.localeCompare(a.receipt.startedAt));if(json){let rows2=all.map(({file,receipt})=>({resultId:receipt.resultId,benchmark:receipt.benchmark.id,status:receipt.status,startedAt:receipt.startedAt,commit:receipt.source.commit??null,file}));return context.stdout.write(`${JSON.stringify({results:rows2},null,2)}
`),0}if(all.length===0)return context.stdout.write(`No receipts in ${path.relative(context.cwd,resultsDir)||"."}: run 'maat run' first.
`),0;let rows=all.map(({file,receipt})=>[receipt.startedAt.replace("T"," ").slice(0,19),receipt.benchmark.id,receipt.status,formatDuration(receipt.durationMs),receipt.source.commit?.slice(0,7)??"-",file]);return context.stdout.write(`${renderTextTable(["started (UTC)","benchmark","status","took","commit","receipt"],rows)}
`),0}__name(list,"list");async function show(context,resultsDir,target,json){let receipt=await resolveReceipt(context,resultsDir,target);return json?(context.stdout.write(`${JSON.stringify(receipt,null,2)}
`),0):(context.stdout.write(`${describeReceipt(receipt)}
`),0)}__name(show,"show");async function resolveReceipt(context,resultsDir,target){if(target.endsWith(".json"))return readReceipt(path.resolve(context.cwd,target));let all=await loadAll(resultsDir,context.cwd),exact=all.find(({receipt})=>receipt.resultId===target);if(exact)return exact.receipt;let latest=all.filter(({receipt})=>receipt.benchmark.id===target).sort((a,b)=>b.receipt.startedAt.localeCompare(a.receipt.startedAt))[0];if(latest)return latest.receipt;throw new UsageError(`no receipt for "${target}" in ${path.relative(context.cwd,resultsDir)||"."}`,{hint:"run 'maat results list' to see what is there"})}__name(resolveReceipt,"resolveReceipt");function describeReceipt(receipt){let lines=[`${receipt.resultId}  ${receipt.status}${receipt.reason?`: ${receipt.reason}`:""}`,`  benchmark   ${receipt.benchmark.taskName} (${receipt.benchmark.path})`,`  commit      ${receipt.source.commit??"unknown"}${receipt.source.dirty?" (uncommitted changes)":""}`,`  host        ${receipt.host.cpuModel}, ${receipt.host.cpuCores} cores${receipt.host.gpus.length?`, ${receipt.host.gpus.length}x ${receipt.host.gpus[0]?.model}`:""}`,`  backend     ${receipt.backend.kind}${receipt.backend.note?` (${receipt.backend.note})`:""}`,`  started     ${receipt.startedAt}, took ${formatDuration(receipt.durationMs)}; ${receipt.stopReason}`,`  logs        ${receipt.logDir}`,""],rows=Object.values(receipt.metrics).map(m=>[m.name,m.mean===null?"-":formatNumber(m.mean),m.stddev===null?"-":formatNumber(m.stddev),String(m.n),m.unit,m.problems.length?m.problems.map(p=>`rep ${p.repetition}: ${p.problem}`).join(", "):""]);return lines.push(renderTextTable(["metric","mean","stddev","n","unit","problems"],rows)),lines.join(`
`)}__name(describeReceipt,"describeReceipt");function formatNumber(value){if(!Number.isFinite(value))return String(value);let magnitude=Math.abs(value);return magnitude!==0&&(magnitude>=1e6||magnitude<.001)?value.toExponential(3):Number(value.toPrecision(5)).toString()}__name(formatNumber,"formatNumber");async function storeFor(context,flag){let repoRoot=findRepoRoot(context.cwd),config=await loadRepositoryConfig(repoRoot),location=flag??config.results.store;if(location===void 0)throw new UsageError("no results store: pass --store or set store under [results] in maat.toml",{hint:'for example store = "s3://my-bucket/maat-results"'});return openResultsStore(location,{cwd:flag===void 0?repoRoot:context.cwd,s3:config.s3,env:context.env})}__name(storeFor,"storeFor");async function push(context,store,paths,values){let outcomes=await pushResults(store,paths,{cwd:context.cwd,logs:values.logs!==!1});if(values.json)context.stdout.write(`${JSON.stringify({store:store.location,results:outcomes},null,2)}
`);else{for(let o of outcomes){let what=o.outcome==="failed"?`failed: ${o.error}; the receipt stays at ${o.file}`:o.outcome==="stored"?"stored":"already there";context.stdout.write(`${o.resultId}: ${what}
`)}context.stdout.write(`${outcomes.length} receipt(s) pushed to ${store.location}
`)}return outcomes.some(o=>o.outcome==="failed")?1:0}__name(push,"push");async function pull(context,store,resultsDir,ids,values){let outcomes=await pullResults(store,resultsDir,{...ids.length>0?{resultIds:ids}:{},...values.benchmark===void 0?{}:{benchmark:values.benchmark},...values.commit===void 0?{}:{commit:values.commit}},{logs:values.logs===!0});if(values.json)context.stdout.write(`${JSON.stringify({store:store.location,results:outcomes},null,2)}
`);else{for(let o of outcomes)context.stdout.write(`${o.resultId}: ${o.outcome==="pulled"?"pulled":"already here"}
`);context.stdout.write(`${outcomes.length} receipt(s) from ${store.location} in ${path.relative(context.cwd,resultsDir)||"."}
`)}return 0}__name(pull,"pull");async function listStore(context,store,benchmark,json){let ids=await store.list(benchmark===void 0?{}:{benchmark});return json?context.stdout.write(`${JSON.stringify({store:store.location,results:ids},null,2)}
`):context.stdout.write(ids.length===0?`No receipts in ${store.location}.
`:`${ids.join(`
`)}
`),0}__name(listStore,"listStore");export{resultsCommand,describeReceipt,formatNumber};
