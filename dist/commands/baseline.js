import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{flagRegressions,runGit}from"../chunks/chunk-32XYGSBE.js";import{renderBaseline}from"../chunks/chunk-JYKX2VZL.js";import{foldReceipts,withFileLock}from"../chunks/chunk-YDOLB7ZA.js";import"../chunks/chunk-QVDXCCRT.js";import"../chunks/chunk-SK4SCSUQ.js";import"../chunks/chunk-CPPLJC45.js";import"../chunks/chunk-TTTPSNL3.js";import{BaselineError,baselinePath,readBaselineFile,readBaselines,resetBaseline,writeBaselineFile}from"../chunks/chunk-33UVO7RB.js";import{readReceipts}from"../chunks/chunk-IJIQ4MVF.js";import"../chunks/chunk-MP5OTJD2.js";import"../chunks/chunk-ZP5DFV2A.js";import"../chunks/chunk-P2W6NSMP.js";import"../chunks/chunk-HQJEDOUL.js";import"../chunks/chunk-XYP7Q636.js";import"../chunks/chunk-JZIQR4AP.js";import"../chunks/chunk-HUF6GUUL.js";import{parseCommandArgs,positiveInteger,unknownSubcommand}from"../chunks/chunk-XUWINMY6.js";import"../chunks/chunk-AUI3A2CN.js";import"../chunks/chunk-YPFV3SQA.js";import"../chunks/chunk-UO76U5BG.js";import"../chunks/chunk-ONYA6S2J.js";import{UsageError}from"../chunks/chunk-33WO47SG.js";import{__name,__require}from"../chunks/chunk-4DDI2RTU.js";var builtin=(process.getBuiltinModule??__require)("node:path");var{relative,resolve}=builtin;function withArguments(context,argv){let copy=Object.defineProperties({},Object.getOwnPropertyDescriptors(context));return copy.argv=argv,copy}__name(withArguments,"withArguments");var HELP=`maat baseline <update|show|accept> [options]

Keeps the history of accepted runs per benchmark and hardware key in baselines/,
one JSON file per benchmark and hardware, reviewed and committed like code.

  maat baseline update <receipt>... [--baselines DIR] [--max-runs N] [--allow-dirty]
      Folds succeeded receipts into their baselines (idempotent: a receipt already
      there is not added twice). Failed runs, and runs measured on a checkout with
      uncommitted changes, are refused and listed, but the command still exits 0 so a
      scheduled job keeps the runs that did succeed.
      --max-runs N   history length; the oldest runs roll off (default 100)
      --allow-dirty  fold runs of a checkout with uncommitted changes too

  maat baseline show <benchmark> [--baselines DIR] [--json]
      Per hardware key: each metric's level and spread, and the recent runs.

  maat baseline accept <benchmark> --metric NAME --from-commit SHA --reason TEXT
                       [--by NAME] [--hardware SLUG] [--baselines DIR]
      Accepts a change of level: from the run of commit SHA on, NAME is compared
      with the new level only. Applies to every hardware key unless --hardware.
      --by defaults to $GITHUB_ACTOR or $USER.

Options common to all: --baselines DIR (default: ./baselines)

Exit codes: 0 done; 2 usage error or unreadable baseline/receipt.

Examples:
  maat baseline update .maat/results/
  maat baseline show resnet50-training
  maat baseline accept resnet50-training --metric throughput --from-commit 9f3e2ab \\
      --reason "fp32 accumulation for stability, 4% slower by design"`,baselineCommand={name:"baseline",help:HELP,async run(context){let[sub,...argv]=context.argv,subContext=withArguments(context,argv);if(sub==="update")return await update(subContext);if(sub==="show")return await show(subContext);if(sub==="accept")return await accept(subContext);throw sub==="reset"?new UsageError('baseline: there is no "reset"; "accept" records a new level of a metric',{hint:"maat baseline accept <benchmark> --metric M --from-commit SHA --reason R"}):unknownSubcommand("baseline",sub,["update","show","accept"])}};async function update(context){let{values,positionals}=parseCommandArgs("baseline update",context.argv,{baselines:{type:"string"},"max-runs":{type:"string"},"allow-dirty":{type:"boolean"}});if(positionals.length===0)throw new UsageError("baseline update: name at least one receipt file or folder");let maxRuns=positiveInteger("max-runs",values["max-runs"]),dir=baselinesDir(context,values.baselines),receipts=(await readReceipts(positionals,context.cwd,{warn:__name(m=>context.stderr.write(`maat: ${m}
`),"warn")})).map(f=>f.receipt),regressions=await flagRegressions(dir,receipts),report=await foldReceipts(dir,receipts,{...maxRuns===void 0?{}:{maxRuns},regressions,allowDirty:values["allow-dirty"]===!0});for(let[resultId,metrics]of regressions)context.stderr.write(`maat: ${resultId} regressed on ${metrics.join(", ")}: kept out of the level until fixed or accepted
`);let shown=__name(file=>relative(context.cwd,file)||file,"shown");for(let a of report.added)context.stdout.write(`added ${a.resultId} to ${shown(a.file)}
`);for(let id of report.alreadyPresent)context.stdout.write(`already in its baseline: ${id}
`);for(let r of report.rolledOff)context.stdout.write(`rolled off ${r.resultId} from ${shown(r.file)}
`);for(let s of report.skippedMetrics)context.stderr.write(`maat: left out ${s.metric} of ${s.resultId}: ${s.reason}
`);for(let r of report.refused)context.stderr.write(`maat: refused ${r.reason}
`);let files=report.written.length;return context.stdout.write(`${report.added.length} run(s) added, ${report.refused.length} refused; ${files} file(s) written.
`),0}__name(update,"update");async function show(context){let{values,positionals}=parseCommandArgs("baseline show",context.argv,{baselines:{type:"string"},json:{type:"boolean"}}),benchmarkId=onlyBenchmark("baseline show",positionals),baselines=await readBaselines(baselinesDir(context,values.baselines),benchmarkId);return values.json?(context.stdout.write(`${JSON.stringify(baselines,null,2)}
`),0):baselines.length===0?(context.stdout.write(`No baseline for ${benchmarkId} yet. 'maat baseline update <receipts>' starts one.
`),0):(context.stdout.write(baselines.map(b=>renderBaseline(b)).join(`
`)),0)}__name(show,"show");async function accept(context){let{values,positionals}=parseCommandArgs("baseline accept",context.argv,{baselines:{type:"string"},metric:{type:"string"},"from-commit":{type:"string"},reason:{type:"string"},by:{type:"string"},hardware:{type:"string"}}),benchmarkId=onlyBenchmark("baseline accept",positionals),{metric,reason}=values,fromCommit=values["from-commit"];if(!metric||!fromCommit||!reason)throw new UsageError("baseline accept: --metric, --from-commit and --reason are required",{hint:"The reason is kept in the baseline file for reviewers: say why the new level is right."});await checkCommitExists(context.cwd,fromCommit);let dir=baselinesDir(context,values.baselines),all=await readBaselines(dir,benchmarkId),chosen=values.hardware===void 0?all:all.filter(b=>b.hardware.slug===values.hardware);if(chosen.length===0){let known=all.map(b=>b.hardware.slug).join(", ")||"none";throw new BaselineError(`no baseline of ${benchmarkId}${values.hardware?` on ${values.hardware}`:""}`,{hint:`Hardware keys with a baseline: ${known}.`})}let withMetric=chosen.filter(b=>metric in b.metrics),targets=withMetric.length>0?withMetric:chosen.slice(0,1),by=values.by??context.env.GITHUB_ACTOR??context.env.USER??"unknown",date=new Date().toISOString();for(let baseline of targets){let file=baselinePath(dir,benchmarkId,baseline.hardware.slug);await withFileLock(file,async()=>{let current=await readBaselineFile(file)??baseline;await writeBaselineFile(file,resetBaseline(current,{metric,fromCommit,by,reason,date}))}),context.stdout.write(`accepted new level of ${metric} on ${baseline.hardware.slug} from ${fromCommit}
`)}return 0}__name(accept,"accept");function onlyBenchmark(command,positionals){if(positionals.length!==1)throw new UsageError(`${command}: name exactly one benchmark id`,{hint:"Run 'maat baseline --help'."});return positionals[0]}__name(onlyBenchmark,"onlyBenchmark");function baselinesDir(context,flag){return resolve(context.cwd,flag??"baselines")}__name(baselinesDir,"baselinesDir");async function checkCommitExists(cwd,commit){if(!/^[0-9a-f]{7,40}$/i.test(commit))throw new UsageError(`baseline accept: --from-commit must be a commit SHA (7 to 40 hex digits), got "${commit}"`);try{await runGit(cwd,["rev-parse","--verify","--quiet",`${commit}^{commit}`])}catch{throw new UsageError(`baseline accept: commit ${commit} does not exist in this repository`,{hint:"run it inside the repository (fetch first when the commit is new), and check the SHA"})}}__name(checkCommitExists,"checkCommitExists");export{baselineCommand};
