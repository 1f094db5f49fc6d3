import type { ComparisonReport } from "./types.js";

export interface GateOptions {
  /** A regression fails the check (default true). */
  failOnRegression?: boolean;
  /** A metric whose meaning changed since the baseline fails the check until accepted (default true). */
  failOnIncomparable?: boolean;
}

/**
 * Why the check fails, one sentence per cause; empty when it passes. The one rule shared by
 * `maat compare` and the action's report step: a failed run, a regression, a metric whose
 * meaning changed, and a metric the baseline has that the run no longer measures.
 */
export function gateFailures(report: ComparisonReport, options: GateOptions = {}): string[] {
  const failures: string[] = [];
  for (const b of report.benchmarks) {
    if (b.status !== "succeeded") {
      failures.push(`${b.resultId} ${b.status.replace("_", " ")}: ${b.statusReason ?? "no reason given"}`);
    }
  }
  const t = report.totals;
  if (options.failOnRegression !== false && t.regressions > 0) {
    failures.unshift(`${t.regressions} regression(s)`);
  }
  if (options.failOnIncomparable !== false && t.incomparable > 0) {
    const names = report.benchmarks.flatMap((b) =>
      b.comparisons.filter((c) => c.verdict === "incomparable").map((c) => `${b.benchmarkId} ${c.metric}`),
    );
    failures.push(
      `${t.incomparable} metric(s) changed meaning since the baseline (${names.join(", ")}): accept with 'maat baseline accept' or revert`,
    );
  }
  for (const b of report.benchmarks) {
    for (const metric of b.disappearedMetrics ?? []) {
      failures.push(`${b.benchmarkId} no longer measures ${metric}, which has a baseline`);
    }
  }
  return failures;
}
