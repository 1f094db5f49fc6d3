import { hardwareKey } from "../baselines/hardware-key.js";
import { metricHistory } from "../baselines/reset.js";
import { baselineStore } from "../baselines/store.js";
import type { Baseline, BaselineStore } from "../baselines/types.js";
import type { Thresholds } from "../descriptor/types.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import { compareMetrics } from "../stats/compare.js";
import type { ComparisonPolicy, MetricComparison, MetricComparisonInput } from "../stats/types.js";
import { diffDescriptorFields } from "./descriptor-changes.js";
import { metricInputs } from "./inputs.js";
import {
  descriptorChangesSince,
  disappearedMetrics,
  incomparableAcrossKeys,
  incomparableMetric,
  siblingBaseline,
} from "./meaning-check.js";
import type { BenchmarkComparison, ComparisonReport, ComparisonTotals } from "./types.js";

/**
 * Weighs each receipt against the baseline of its benchmark on its hardware key. The
 * false-discovery rate is controlled within each benchmark (compareMetrics' families), so
 * comparing benchmarks together or one at a time gives the same verdicts. `policy` holds the
 * defaults a descriptor's thresholds override; `options.thresholds` (the command line)
 * overrides both.
 */
export function compareReceipts(
  receipts: readonly ResultReceipt[],
  baselines: BaselineStore,
  policy: Partial<ComparisonPolicy> = {},
  options: { thresholds?: Thresholds } = {},
): ComparisonReport {
  const prepared = receipts.map((receipt) => {
    const hardware = hardwareKey(receipt);
    const candidates = baselines.baselines(receipt.benchmark.id);
    const baseline = candidates.find((b) => b.hardware.slug === hardware.slug);
    const sibling = baseline === undefined ? siblingBaseline(hardware, candidates) : undefined;
    const against = baseline ?? sibling;
    let descriptorChanges = against === undefined ? [] : descriptorChangesSince(against, receipt);
    if (sibling !== undefined && descriptorChanges.length === 0) {
      descriptorChanges = diffDescriptorFields(sibling.hardware.fields, hardware.fields);
    }
    return {
      receipt,
      hardware,
      candidates,
      baseline,
      sibling,
      descriptorChanges,
      inputs: metricInputs(receipt, baseline, options.thresholds),
    };
  });
  const allInputs = prepared.flatMap((p) => p.inputs);
  const results = compareMetrics(allInputs, policy);
  if (results.length !== allInputs.length) {
    throw new Error(`compareMetrics returned ${results.length} comparisons for ${allInputs.length} inputs`);
  }
  let offset = 0;
  const benchmarks = prepared.map((p): BenchmarkComparison => {
    const slice = results.slice(offset, offset + p.inputs.length);
    offset += p.inputs.length;
    const comparisons = slice.map((c, i) => {
      if (p.baseline !== undefined) c = incomparableMetric(c, p.baseline, p.receipt);
      else if (p.sibling !== undefined) c = incomparableAcrossKeys(c, p.sibling, p.descriptorChanges);
      return explainMissingBaseline(c, p.inputs[i]!, p.baseline, p.candidates);
    });
    const against = p.baseline ?? p.sibling;
    const disappeared =
      against === undefined
        ? []
        : disappearedMetrics(against, p.receipt, new Set(p.inputs.map((input) => input.metric)));
    comparisons.push(...disappeared);
    return {
      benchmarkId: p.receipt.benchmark.id,
      resultId: p.receipt.resultId,
      status: p.receipt.status,
      ...(p.receipt.reason === undefined ? {} : { statusReason: p.receipt.reason }),
      hardware: p.hardware,
      baselineHardware: p.baseline?.hardware.slug ?? null,
      alternativeHardware: p.baseline === undefined ? p.candidates.map((b) => b.hardware.slug).sort() : [],
      ...(p.descriptorChanges.length === 0 ? {} : { descriptorChanges: p.descriptorChanges }),
      ...(disappeared.length === 0 ? {} : { disappearedMetrics: disappeared.map((c) => c.metric) }),
      comparisons: comparisons.sort(byVerdictThenMetric),
    };
  });
  return assembleReport(benchmarks);
}

/**
 * The same as `compareReceipts`, one benchmark at a time: each benchmark's baselines are
 * loaded, weighed and let go before the next, so a comparison of thousands of metrics holds
 * one benchmark's history in memory, not all of them. `onBenchmark` sees each benchmark's
 * baselines while they are loaded (the terminal's trend sparklines).
 */
export async function compareReceiptsByBenchmark(
  receipts: readonly ResultReceipt[],
  load: (benchmarkId: string) => Promise<Baseline[]>,
  policy: Partial<ComparisonPolicy> = {},
  options: {
    thresholds?: Thresholds;
    onBenchmark?: (store: BaselineStore, part: ComparisonReport) => void;
  } = {},
): Promise<ComparisonReport> {
  const groups = new Map<string, ResultReceipt[]>();
  for (const receipt of receipts) {
    const group = groups.get(receipt.benchmark.id);
    if (group === undefined) groups.set(receipt.benchmark.id, [receipt]);
    else group.push(receipt);
  }
  const benchmarks: BenchmarkComparison[] = [];
  for (const [benchmarkId, group] of groups) {
    const store = baselineStore(await load(benchmarkId));
    const part = compareReceipts(group, store, policy, options);
    options.onBenchmark?.(store, part);
    benchmarks.push(...part.benchmarks);
  }
  return assembleReport(benchmarks);
}

/** Benchmarks with a failing verdict first, then by id; with the totals. */
function assembleReport(benchmarks: BenchmarkComparison[]): ComparisonReport {
  benchmarks.sort(byRegressionThenId);
  return { benchmarks, totals: countTotals(benchmarks) };
}

/** A `no-baseline` verdict says which hardware does have one, or that a reset emptied it. */
function explainMissingBaseline(
  comparison: MetricComparison,
  input: MetricComparisonInput,
  baseline: Baseline | undefined,
  candidates: Baseline[],
): MetricComparison {
  if (comparison.verdict !== "no-baseline") return comparison;
  let reason: string;
  if (baseline === undefined && candidates.length === 0) {
    reason = `no baseline for ${input.benchmarkId} yet; 'maat baseline update' folds accepted runs into one`;
  } else if (baseline === undefined) {
    const slugs = candidates.map((b) => b.hardware.slug).sort();
    reason = `no baseline for this hardware; ${input.benchmarkId} has baselines for: ${slugs.join(", ")}`;
  } else {
    const { reset } = metricHistory(baseline, input.metric);
    reason =
      reset === undefined
        ? `the baseline has no runs of ${input.metric}`
        : `the baseline of ${input.metric} was reset from commit ${reset.fromCommit.slice(0, 12)} ` +
          `(${reset.reason}); no runs since`;
  }
  return { ...comparison, reason };
}

/** Verdicts that fail the check come first. */
function rank(c: MetricComparison): number {
  return c.verdict === "regression" ? 0 : c.verdict === "incomparable" ? 1 : 2;
}

function byVerdictThenMetric(a: MetricComparison, b: MetricComparison): number {
  const ra = rank(a);
  const rb = rank(b);
  return ra - rb || compareText(a.metric, b.metric);
}

function byRegressionThenId(a: BenchmarkComparison, b: BenchmarkComparison): number {
  const ra = Math.min(2, ...a.comparisons.map(rank));
  const rb = Math.min(2, ...b.comparisons.map(rank));
  return ra - rb || compareText(a.benchmarkId, b.benchmarkId) || compareText(a.resultId, b.resultId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many metric verdicts of each kind the benchmarks hold. */
export function countTotals(benchmarks: readonly BenchmarkComparison[]): ComparisonTotals {
  const totals: ComparisonTotals = {
    benchmarks: benchmarks.length,
    regressions: 0,
    improvements: 0,
    unchanged: 0,
    inconclusive: 0,
    noBaseline: 0,
    failed: 0,
    incomparable: 0,
  };
  const field = {
    regression: "regressions",
    improvement: "improvements",
    unchanged: "unchanged",
    inconclusive: "inconclusive",
    "no-baseline": "noBaseline",
    failed: "failed",
    incomparable: "incomparable",
  } as const;
  for (const c of benchmarks.flatMap((b) => b.comparisons)) totals[field[c.verdict]] += 1;
  return totals;
}
