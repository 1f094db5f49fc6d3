import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{formatNumber}from"./chunk-664NJFGX.js";import"./chunk-EVO3FVQW.js";import"./chunk-6HRRX7UU.js";import{renderTextTable}from"./chunk-GUNP5Y37.js";import"./chunk-DH5CKN4T.js";import{parseCommandArgs}from"./chunk-A54XFN3G.js";import"./chunk-A2ZIAJJ4.js";import{pushRunReceipts,runDescriptors}from"./chunk-TIHL4WEH.js";import"./chunk-KFTMSQSG.js";import"./chunk-XRK2WXIV.js";import"./chunk-2CRBO5VA.js";import"./chunk-H22FL3RA.js";import"./chunk-UTM525LW.js";import{readHostFingerprint}from"./chunk-W7BJ5HCT.js";import{readSourceInfo}from"./chunk-K4RCFO4Z.js";import"./chunk-2CPPZKEF.js";import"./chunk-232TVVVS.js";import"./chunk-RCWNMROG.js";import"./chunk-2VA5AQFI.js";import"./chunk-HWOG6JWB.js";import"./chunk-NCFYYI6J.js";import"./chunk-C67665ES.js";import"./chunk-JPTYIMPR.js";import"./chunk-DRQOBT2M.js";import{formatProgress}from"./chunk-CN44QZ3B.js";import"./chunk-IGVGIJ6I.js";import"./chunk-4LXVOUY3.js";import"./chunk-QDD7VIF4.js";import"./chunk-DZV3AV4F.js";import"./chunk-RXRZO3ZF.js";import"./chunk-2BDSTK5O.js";import"./chunk-M7HAA3YM.js";import"./chunk-2ISAHWGB.js";import"./chunk-JZONQZ4F.js";import{findDescriptorFiles,findRepoRoot,loadDescriptor}from"./chunk-USWKVHSU.js";import{loadRepositoryConfig}from"./chunk-F3AFCL2E.js";import"./chunk-FEFEOO53.js";import"./chunk-HTKHA7NB.js";import"./chunk-BYHUPZLU.js";import"./chunk-NO7NFY4Z.js";import"./chunk-GPZTYKCU.js";import"./chunk-SYWEUVSI.js";import{UsageError}from"./chunk-CPW2E6KV.js";import"./chunk-ZCFHVJPW.js";import"./chunk-LPCU3TFH.js";import{durationLimitProblem,parseDuration}from"./chunk-ZS6P4S5I.js";import"./chunk-XYP7Q636.js";import"./chunk-ONYA6S2J.js";import{__name}from"./chunk-4DDI2RTU.js";import path2 from"node:path";import path from"node:path";function describeRunSummary({receipt,receiptPath},cwd){let status=receipt.status==="succeeded"?"succeeded":`${receipt.status.toUpperCase()}: ${receipt.reason}`,rows=Object.values(receipt.metrics).map(m=>{let spread=m.stddev!==null&&m.mean?`\xB1${(m.stddev/Math.abs(m.mean)*100).toFixed(1)}%`:"-";return[m.name,m.mean===null?"-":formatNumber(m.mean),spread,m.unit,String(m.n),m.direction.replaceAll("_"," "),m.problems.length?m.problems.map(p=>`rep ${p.repetition}: ${p.problem}`).join(", "):""]});return[`
${receipt.benchmark.id}: ${status}`,rows.length?renderTextTable(["metric","mean","spread (sd/mean)","unit","n","better","problems"],rows):"(no metrics)",`receipt: ${path.relative(cwd,receiptPath)}`].join(`
`)}__name(describeRunSummary,"describeRunSummary");var HELP=`maat run: run benchmarks and write their result receipts

Usage: maat run [descriptor.toml | folder]... [options]

With no paths, runs every descriptor under benchmarks/. The benchmark's own output is
streamed to stderr (and to a log file beside the receipt); progress lines go to stderr;
the result summary (or JSON with --json) goes to stdout.

Options:
  --repetitions N|auto  measured repetitions (overrides run.repetitions)
  --warmup N            warm-up repetitions, not measured (overrides run.warmup)
  --timeout D           time limit per repetition, e.g. 90s, 10m, 1h30m (overrides run.timeout)
  --results-dir DIR     where receipts go (default .maat/results)
  --backend B           local, docker or kubernetes (default: the descriptor's run.backend, then
                        maat.toml's routing, then local)
  --namespace NS        kubernetes: namespace (default: maat.toml's kubernetes.namespace)
  --context NAME        kubernetes: kubeconfig context (default: the current context)
  --kubeconfig FILE     kubernetes: kubeconfig (default: maat.toml, $KUBECONFIG, ~/.kube/config)
  --confirm N           when a result looks changed against its baseline, run N more repetitions and
                        merge them before writing the verdict (default: maat.toml's compare.confirm_repetitions, 0)
  --baselines DIR       baselines for --confirm (default baselines)
  --push                after the run, push the receipts and logs to the results store ([results] store
                        in maat.toml); a failed upload keeps the receipt locally and says so
  --quiet               do not echo the benchmark's output (it is still logged)
  --json                print {"runs": [...]} with each receipt's path, status and metrics
  -h, --help            this help

Exit codes: 0 every run succeeded; 1 a benchmark failed, timed out or errored; 2 usage or
descriptor validation error.

Examples:
  maat run benchmarks/hello-world
  maat run benchmarks/pytorch-train-cpu --repetitions 5 --warmup 1
  maat run --timeout 30m --json > runs.json
  maat run benchmarks/hello-world --backend docker
  maat run benchmarks/resnet --backend kubernetes --namespace bench`,runCommand={name:"run",help:HELP,async run(context){let options=parseRunArguments(context.argv),repoRoot=findRepoRoot(context.cwd),files=await findDescriptorFiles(options.paths,{cwd:context.cwd,repoRoot});if(files.length===0)throw new UsageError("no descriptors found",{hint:"pass a descriptor file or folder"});let descriptors=[];for(let file of files)descriptors.push(await loadDescriptor(file,{repoRoot}));let[source,host,config]=await Promise.all([readSourceInfo(repoRoot,context.env),readHostFingerprint(context.env),loadRepositoryConfig(repoRoot)]),runs=await runDescriptors({descriptors,repoRoot,config,env:context.env,source,host,resultsDir:path2.resolve(context.cwd,options.resultsDir),baselinesDir:path2.resolve(context.cwd,options.baselinesDir),overrides:options.overrides,...options.backend===void 0?{}:{backend:options.backend},kubernetes:options.kubernetes,...options.confirm===void 0?{}:{confirmRepetitions:options.confirm},signal:context.signal,progress:__name(event=>{let shown=event.kind==="done"?{...event,receiptPath:path2.relative(context.cwd,event.receiptPath)}:event;context.stderr.write(`${formatProgress(shown)}
`)},"progress"),...options.quiet?{}:{onOutput:__name(chunk=>context.stderr.write(chunk),"onOutput")},log:__name(message=>context.stderr.write(`${message}
`),"log")});return writeResults(context,runs,options.json),options.push&&await pushRunReceipts(config,runs.map(r=>r.receiptPath),{repoRoot,env:context.env,info:__name(message=>context.stderr.write(`${message}
`),"info"),warn:__name(message=>context.stderr.write(`maat: warning: ${message}
`),"warn")}),runs.every(run=>run.receipt.status==="succeeded")&&runs.length===descriptors.length?0:1}};function parseRunArguments(argv){let{values,positionals}=parseCommandArgs("run",argv,{repetitions:{type:"string"},warmup:{type:"string"},timeout:{type:"string"},"results-dir":{type:"string"},baselines:{type:"string"},confirm:{type:"string"},backend:{type:"string"},namespace:{type:"string"},context:{type:"string"},kubeconfig:{type:"string"},quiet:{type:"boolean"},json:{type:"boolean"},push:{type:"boolean"}}),overrides={};if(values.repetitions!==void 0&&(overrides.repetitions=values.repetitions==="auto"?"auto":wholeNumber("--repetitions",values.repetitions,1)),values.warmup!==void 0&&(overrides.warmup=wholeNumber("--warmup",values.warmup,0)),values.timeout!==void 0){let ms=parseDuration(values.timeout)??(/^\d+$/.test(values.timeout)?Number(values.timeout)*1e3:void 0);if(ms===void 0||ms<=0)throw new UsageError(`--timeout must be a duration like 90s, 10m or 1h30m (got "${values.timeout}")`);let tooLong=durationLimitProblem(ms);if(tooLong!==void 0)throw new UsageError(`--timeout ${tooLong} (got "${values.timeout}")`);overrides.timeoutMs=ms}let backend=values.backend;if(backend!==void 0&&backend!=="local"&&backend!=="docker"&&backend!=="kubernetes")throw new UsageError(`--backend must be local, docker or kubernetes (got "${backend}")`);return{paths:positionals,overrides,...backend===void 0?{}:{backend},kubernetes:{...values.kubeconfig===void 0?{}:{kubeconfig:values.kubeconfig},...values.context===void 0?{}:{context:values.context},...values.namespace===void 0?{}:{namespace:values.namespace}},resultsDir:values["results-dir"]??".maat/results",baselinesDir:values.baselines??"baselines",...values.confirm===void 0?{}:{confirm:wholeNumber("--confirm",values.confirm,0)},quiet:values.quiet??!1,json:values.json??!1,push:values.push??!1}}__name(parseRunArguments,"parseRunArguments");function wholeNumber(flag,text,minimum){let value=Number(text);if(!Number.isInteger(value)||value<minimum)throw new UsageError(`${flag} must be a whole number >= ${minimum} (got "${text}")`);return value}__name(wholeNumber,"wholeNumber");function writeResults(context,runs,json){if(json){let out=runs.map(({receipt,receiptPath})=>({benchmark:receipt.benchmark.id,resultId:receipt.resultId,status:receipt.status,...receipt.reason?{reason:receipt.reason}:{},receipt:path2.relative(context.cwd,receiptPath),metrics:receipt.metrics}));context.stdout.write(`${JSON.stringify({runs:out},null,2)}
`);return}for(let run of runs)context.stdout.write(`${describeRunSummary(run,context.cwd)}
`)}__name(writeResults,"writeResults");export{runCommand};
