import type { BenchmarkComparison, ComparisonReport } from "../compare/types.js";
import { count } from "./markdown-text.js";

/**
 * The one line a reviewer acts on, e.g. "❌ **3 regressions in 2 benchmarks**, 1 benchmark failed".
 * Used as the report's headline and in the action's outputs and logs (`markdown: false`
 * drops the bold).
 */
export function summaryLine(report: ComparisonReport, options: { markdown?: boolean } = {}): string {
  const benchmarks = report.benchmarks;
  const regressed = benchmarks.filter((b) => b.comparisons.some((c) => c.verdict === "regression")).length;
  const failedRuns = benchmarks.filter(runFailed).length;
  const ran = benchmarks.length - failedRuns;
  const main =
    report.totals.regressions > 0
      ? `${count(report.totals.regressions, "regression")} in ${count(regressed, "benchmark")}`
      : benchmarks.length === 0
        ? "No benchmarks to compare"
        : ran === 0
          ? "No benchmark produced results"
          : `No regressions in ${count(ran, "benchmark")}`;
  const extras = describeExtras(report, failedRuns);
  const bold = options.markdown === false ? main : `**${main}**`;
  return [`${statusSymbol(report, failedRuns)} ${bold}`, ...extras].join(", ");
}

/** A failed, timed-out or errored run: its metrics could not be weighed at all. */
export function runFailed(benchmark: BenchmarkComparison): boolean {
  return benchmark.status !== "succeeded";
}

function statusSymbol(report: ComparisonReport, failedRuns: number): string {
  const t = report.totals;
  if (t.regressions > 0 || t.failed > 0 || t.incomparable > 0 || failedRuns > 0) return "❌";
  if (t.inconclusive > 0 || t.noBaseline > 0 || report.benchmarks.length === 0) return "⚠️";
  return "✅";
}

function describeExtras(report: ComparisonReport, failedRuns: number): string[] {
  const succeeded = report.benchmarks.filter((b) => !runFailed(b));
  // Metrics a succeeded run did not produce; a failed run's metrics are counted as the run.
  const missingMetrics = succeeded.flatMap((b) => b.comparisons).filter((c) => c.verdict === "failed").length;
  const withoutBaseline = succeeded.filter((b) => b.baselineHardware === null).length;
  const newMetrics = succeeded
    .filter((b) => b.baselineHardware !== null)
    .flatMap((b) => b.comparisons)
    .filter((c) => c.verdict === "no-baseline").length;
  const t = report.totals;
  const extras: string[] = [];
  if (t.incomparable > 0) extras.push(`${count(t.incomparable, "metric")} incomparable (meaning changed)`);
  if (t.improvements > 0) extras.push(count(t.improvements, "improvement"));
  if (failedRuns > 0) extras.push(`${count(failedRuns, "benchmark")} failed`);
  if (missingMetrics > 0) extras.push(`${count(missingMetrics, "metric")} missing`);
  if (t.inconclusive > 0) extras.push(`${t.inconclusive.toLocaleString("en-US")} inconclusive`);
  if (withoutBaseline > 0) extras.push(`${count(withoutBaseline, "benchmark")} without a baseline yet`);
  if (newMetrics > 0) extras.push(`${count(newMetrics, "new metric")} without a baseline yet`);
  return extras;
}
