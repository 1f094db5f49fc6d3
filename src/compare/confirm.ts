import type { ComparisonReport } from "./types.js";

/**
 * Benchmarks worth re-running before anyone is alerted: those with a regression or an
 * almost-significant (`suspicious`) result. The orchestrator runs them again for more
 * repetitions, merges the receipts (`mergeReceipts`) and compares once more.
 */
export function suspectBenchmarks(report: ComparisonReport): string[] {
  const ids = report.benchmarks
    .filter((b) => b.comparisons.some((c) => c.verdict === "regression" || c.suspicious === true))
    .map((b) => b.benchmarkId);
  return [...new Set(ids)].sort();
}
