import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);
import{trendSparkline}from"./chunk-EVO3FVQW.js";import{parseCommandArgs,positiveNumber,ratio}from"./chunk-KDWAOU2X.js";import"./chunk-A2ZIAJJ4.js";import{gateFailures,renderComparisonMarkdown,renderComparisonTable}from"./chunk-LWSDNMZ2.js";import"./chunk-DH5CKN4T.js";import"./chunk-CPPLJC45.js";import{compareReceipts,historyRunsNeeded,readBaselineStore}from"./chunk-HU62CPVN.js";import{metricHistory}from"./chunk-3JCBQEC2.js";import{readReceipts}from"./chunk-YZXKH3JP.js";import"./chunk-IGVGIJ6I.js";import"./chunk-BNER7EVE.js";import"./chunk-GW37OCX3.js";import"./chunk-CVTPM7WI.js";import"./chunk-HPOGSOIT.js";import{UsageError}from"./chunk-CPW2E6KV.js";import{__name}from"./chunk-4DDI2RTU.js";import{resolve}from"node:path";function compareTrends(store){return(benchmark,comparison)=>{let baseline=store.baselines(benchmark.benchmarkId).find(b=>b.hardware.slug===benchmark.baselineHardware),history=baseline===void 0?[]:metricHistory(baseline,comparison.metric,{includeRegressed:!0}).runs.map(run=>run.summary.mean);return trendSparkline(history,comparison.candidate?.mean)}}__name(compareTrends,"compareTrends");var HELP=`maat compare <receipt>... [options]

Weighs result receipts against the baselines of their benchmark on the same hardware
and prints one verdict per metric: regression, improvement, unchanged, inconclusive,
no-baseline, failed or incomparable (the metric's unit, direction or aggregate changed
since its baseline). Results are never compared across hardware keys, and a descriptor
changed since the baseline is reported with the fields that changed.

Arguments:
  <receipt>...              receipt files, or folders searched for *.json receipts (.maat/results/)

Options:
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
  maat compare .maat/results/resnet50-training/ --baselines ci/baselines --markdown
  maat compare receipt.json --json --no-fail-on-regression`,compareCommand={name:"compare",help:HELP,async run(context){let{values,positionals}=parseCommandArgs("compare",context.argv,{baselines:{type:"string"},json:{type:"boolean"},markdown:{type:"boolean"},"fail-on-regression":{type:"boolean",default:!0},"fail-on-incomparable":{type:"boolean",default:!0},sigma:{type:"string"},"min-effect":{type:"string"}});if(positionals.length===0)throw new UsageError("compare: name at least one receipt file or folder",{hint:"Run 'maat compare --help'."});if(values.json&&values.markdown)throw new UsageError("compare: choose one of --json and --markdown");let sigma=positiveNumber("sigma",values.sigma),minEffect=ratio("min-effect",values["min-effect"]),receipts=uniqueByResultId((await readReceipts(positionals,context.cwd,{warn:__name(m=>context.stderr.write(`maat: ${m}
`),"warn")})).map(f=>f.receipt));if(receipts.length===0)throw new UsageError(`compare: no receipts found in ${positionals.join(", ")}`,{hint:"Run 'maat run' first; it writes receipts under .maat/results/."});let baselinesDir=resolve(context.cwd,values.baselines??"baselines"),store=await readBaselineStore(baselinesDir,receipts.map(r=>r.benchmark.id),{recentRuns:historyRunsNeeded()}),thresholds={...sigma===void 0?{}:{sigma},...minEffect===void 0?{}:{minEffect}},report=compareReceipts(receipts,store,thresholds,{thresholds});values.json?context.stdout.write(`${JSON.stringify(report,null,2)}
`):values.markdown?context.stdout.write(renderComparisonMarkdown(report)):context.stdout.write(renderComparisonTable(report,{colors:context.colors,trend:compareTrends(store)}));let failures=gateFailures(report,{failOnRegression:values["fail-on-regression"]!==!1,failOnIncomparable:values["fail-on-incomparable"]!==!1});for(let failure of failures)context.stderr.write(`maat: ${failure}
`);return failures.length>0?1:0}};function uniqueByResultId(receipts){let seen=new Set,unique=[];for(let receipt of receipts)seen.has(receipt.resultId)||(seen.add(receipt.resultId),unique.push(receipt));return unique}__name(uniqueByResultId,"uniqueByResultId");export{compareCommand};
