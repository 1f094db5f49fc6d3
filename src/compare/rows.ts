import { formatRelativeChange } from "../stats/format.js";
import type { MetricComparison, Verdict } from "../stats/types.js";
import { formatNumber } from "./format-number.js";
import type { ComparisonReport } from "./types.js";

/** One line of a comparison table, as text, shared by the terminal and Markdown renderers. */
export interface ComparisonRow {
  benchmark: string;
  metric: string;
  /** "2841 ± 6.2 (30 runs)": the baseline level (median of recent run means) and its robust spread. */
  baseline: string;
  /** "2710 [2695, 2725]": this run's mean and its confidence interval. */
  candidate: string;
  change: string;
  verdict: Verdict;
  reason: string;
  /** "±2.0%": the smallest change this baseline and repetition count could call (the noise floor). */
  detects: string;
}

export const ROW_HEADINGS = [
  "Benchmark",
  "Metric",
  "Baseline",
  "This run",
  "Change",
  "Verdict",
  "Detects",
] as const;

export function comparisonRows(report: ComparisonReport): ComparisonRow[] {
  // A benchmark compared on several machines names the hardware key on its rows.
  const seen = new Map<string, number>();
  for (const b of report.benchmarks) seen.set(b.benchmarkId, (seen.get(b.benchmarkId) ?? 0) + 1);
  return report.benchmarks.flatMap((b) =>
    b.comparisons.map((c) => ({
      benchmark: (seen.get(b.benchmarkId) ?? 0) > 1 ? `${b.benchmarkId} @ ${b.hardware.slug}` : b.benchmarkId,
      metric: c.unit ? `${c.metric} (${c.unit})` : c.metric,
      baseline: describeBaseline(c),
      candidate: describeCandidate(c),
      change: c.relativeChange === undefined ? "" : formatRelativeChange(c),
      verdict: c.verdict,
      reason: c.reason,
      detects: c.noiseFloor === undefined ? "-" : `±${(c.noiseFloor * 100).toFixed(1)}%`,
    })),
  );
}

/** One line of totals: "1 regression, 3 unchanged across 2 benchmarks". */
export function describeTotals(report: ComparisonReport): string {
  const t = report.totals;
  const parts = [
    [t.regressions, "regression", "regressions"],
    [t.improvements, "improvement", "improvements"],
    [t.unchanged, "unchanged", "unchanged"],
    [t.inconclusive, "inconclusive", "inconclusive"],
    [t.noBaseline, "without baseline", "without baseline"],
    [t.failed, "failed", "failed"],
    [t.incomparable, "incomparable", "incomparable"],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  const benchmarks = `${t.benchmarks} benchmark${t.benchmarks === 1 ? "" : "s"}`;
  return `${text.length > 0 ? text.join(", ") : "no metrics"} across ${benchmarks}`;
}

function describeBaseline(c: MetricComparison): string {
  if (c.baseline === undefined) return "-";
  const runs = `${c.baseline.runs} run${c.baseline.runs === 1 ? "" : "s"}`;
  return `${formatNumber(c.baseline.level)} ± ${formatNumber(c.baseline.robustSigma)} (${runs})`;
}

function describeCandidate(c: MetricComparison): string {
  if (c.candidate === undefined) return "-";
  const { mean, ciLow, ciHigh, n } = c.candidate;
  if (n < 2) return formatNumber(mean);
  return `${formatNumber(mean)} [${formatNumber(ciLow)}, ${formatNumber(ciHigh)}]`;
}
