import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{gateFailures,renderComparisonMarkdown,renderComparisonTable}from"../chunks/chunk-N3XWXMYI.js";import"../chunks/chunk-BNER7EVE.js";import{trendSparkline}from"../chunks/chunk-EVO3FVQW.js";import"../chunks/chunk-A2ZIAJJ4.js";import"../chunks/chunk-DH5CKN4T.js";import"../chunks/chunk-CPPLJC45.js";import{compareReceiptsByBenchmark,historyRunsNeeded}from"../chunks/chunk-TTTPSNL3.js";import{metricHistory,readBaselines}from"../chunks/chunk-33UVO7RB.js";import{readReceipts}from"../chunks/chunk-IJIQ4MVF.js";import"../chunks/chunk-MP5OTJD2.js";import"../chunks/chunk-ZP5DFV2A.js";import"../chunks/chunk-P2W6NSMP.js";import"../chunks/chunk-JZIQR4AP.js";import"../chunks/chunk-HUF6GUUL.js";import{parseCommandArgs,positiveNumber,ratio}from"../chunks/chunk-XUWINMY6.js";import"../chunks/chunk-AUI3A2CN.js";import"../chunks/chunk-YPFV3SQA.js";import"../chunks/chunk-UO76U5BG.js";import"../chunks/chunk-ONYA6S2J.js";import{UsageError}from"../chunks/chunk-33WO47SG.js";import{__name,__require}from"../chunks/chunk-4DDI2RTU.js";var builtin=(process.getBuiltinModule??__require)("node:fs/promises");var{stat}=builtin;var builtin2=(process.getBuiltinModule??__require)("node:path");var{resolve}=builtin2;function newestPerBenchmark(receipts){let newest=new Map;for(let receipt of receipts){let kept=newest.get(receipt.benchmark.id);(kept===void 0||receipt.startedAt>kept.startedAt)&&newest.set(receipt.benchmark.id,receipt)}return{newest:[...newest.values()],older:receipts.length-newest.size}}__name(newestPerBenchmark,"newestPerBenchmark");function compareTrends(){let cells=new Map,key=__name((benchmark,metric)=>`${benchmark.resultId}
${benchmark.baselineHardware??""}
${metric}`,"key");return{collect(store,part){for(let benchmark of part.benchmarks){let baseline=store.baselines(benchmark.benchmarkId).find(b=>b.hardware.slug===benchmark.baselineHardware);for(let comparison of benchmark.comparisons){let history=baseline===void 0?[]:metricHistory(baseline,comparison.metric,{includeRegressed:!0}).runs.map(run=>run.summary.mean);cells.set(key(benchmark,comparison.metric),trendSparkline(history,comparison.candidate?.mean))}}},cell:__name((benchmark,comparison)=>cells.get(key(benchmark,comparison.metric))??"","cell")}}__name(compareTrends,"compareTrends");var HELP=`maat compare <receipt>... [options]

Weighs result receipts against the baselines of their benchmark on the same hardware
and prints one verdict per metric: regression, improvement, unchanged, inconclusive,
no-baseline, failed or incomparable (the metric's unit, direction or aggregate changed
since its baseline). Results are never compared across hardware keys, and a descriptor
changed since the baseline is reported with the fields that changed.

Arguments:
  <receipt>...              receipt files, or folders searched for *.json receipts (.maat/results/);
                            from a folder, only the newest receipt of each benchmark is compared

Options:
  --all                     compare every receipt found in the folders, not only the newest
  --baselines DIR           baselines folder (default: ./baselines)
  --json                    print the comparison report as JSON
  --markdown                print the verdict table as Markdown
  --no-fail-on-regression   exit 0 even when a metric regressed
  --no-fail-on-incomparable exit 0 even when a metric's meaning (unit, direction, aggregate)
                            changed since its baseline
  --sigma N                 robust sigmas needed to call a change (default 3; overrides descriptors)
  --min-effect R            smallest relative change to call, 0.02 or 2% (default 2%; overrides descriptors)

Exit codes: 0 no regression; 1 a regression, an incomparable metric, a metric the baseline has
that the run no longer measures, or a run that failed; 2 usage error or unreadable input.

Examples:
  maat compare .maat/results/
  maat compare .maat/history/ --all
  maat compare .maat/results/resnet50-training/ --baselines ci/baselines --markdown
  maat compare receipt.json --json --no-fail-on-regression`,compareCommand={name:"compare",help:HELP,async run(context){let{values,positionals}=parseCommandArgs("compare",context.argv,{baselines:{type:"string"},json:{type:"boolean"},markdown:{type:"boolean"},"fail-on-regression":{type:"boolean",default:!0},"fail-on-incomparable":{type:"boolean",default:!0},sigma:{type:"string"},"min-effect":{type:"string"},all:{type:"boolean"}});if(positionals.length===0)throw new UsageError("compare: name at least one receipt file or folder",{hint:"Run 'maat compare --help'."});if(values.json&&values.markdown)throw new UsageError("compare: choose one of --json and --markdown");let sigma=positiveNumber("sigma",values.sigma),minEffect=ratio("min-effect",values["min-effect"]),receipts=uniqueByResultId(await receiptsToCompare(positionals,context,values.all===!0));if(receipts.length===0)throw new UsageError(`compare: no receipts found in ${positionals.join(", ")}`,{hint:"Run 'maat run' first; it writes receipts under .maat/results/."});let baselinesDir=resolve(context.cwd,values.baselines??"baselines"),thresholds={...sigma===void 0?{}:{sigma},...minEffect===void 0?{}:{minEffect}},trends=!values.json&&!values.markdown?compareTrends():void 0,report=await compareReceiptsByBenchmark(receipts,id=>readBaselines(baselinesDir,id,{recentRuns:historyRunsNeeded()}),thresholds,{thresholds,...trends===void 0?{}:{onBenchmark:trends.collect}});values.json?context.stdout.write(`${JSON.stringify(report,null,2)}
`):values.markdown?context.stdout.write(renderComparisonMarkdown(report)):context.stdout.write(renderComparisonTable(report,{colors:context.colors,trend:trends?.cell}));let failures=gateFailures(report,{failOnRegression:values["fail-on-regression"]!==!1,failOnIncomparable:values["fail-on-incomparable"]!==!1});for(let failure of failures)context.stderr.write(`maat: ${failure}
`);return failures.length>0?1:0}};async function receiptsToCompare(paths,context,all){let receipts=[],older=0;for(let path of paths){let warn=__name(message=>context.stderr.write(`maat: ${message}
`),"warn"),found=(await readReceipts([path],context.cwd,{warn})).map(f=>f.receipt),isFolder=(await stat(resolve(context.cwd,path))).isDirectory();if(all||!isFolder){receipts.push(...found);continue}let picked=newestPerBenchmark(found);receipts.push(...picked.newest),older+=picked.older}return older>0&&context.stderr.write(`maat: comparing the newest receipt of each benchmark; ${older} older receipt(s) left out (--all compares them too)
`),receipts}__name(receiptsToCompare,"receiptsToCompare");function uniqueByResultId(receipts){let seen=new Set,unique=[];for(let receipt of receipts)seen.has(receipt.resultId)||(seen.add(receipt.resultId),unique.push(receipt));return unique}__name(uniqueByResultId,"uniqueByResultId");export{compareCommand};
