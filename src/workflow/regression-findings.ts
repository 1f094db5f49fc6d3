import { metricHistory } from "../baselines/index.js";
import type { BaselineStore } from "../baselines/types.js";
import type { ComparisonReport } from "../compare/index.js";
import type { MetricHealth } from "../github/regression-issues.js";
import { cell, escapeMarkdown } from "../markdown/escape.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import { replayGate } from "../stats/changepoints/index.js";
import { formatRelativeChange } from "../stats/format.js";
import type { BaselineRun, ComparisonPolicy, MetricComparison } from "../stats/types.js";

/**
 * What a scheduled / default-branch run says about each compared metric, for the issue tracker:
 * a persistent regression, a suspected one (seen once: it may be a one-off outlier that reverts),
 * or healthy (unchanged, improved, or inconclusive with an interval that contains no change).
 * Persistence is judged by replaying the gate over the
 * history plus this run, the same rule `maat detect --gate` backtests. Metrics without a usable
 * verdict are left out, so they neither open nor close issues.
 */
export function regressionFindings(
  report: ComparisonReport,
  store: BaselineStore,
  receipts: readonly ResultReceipt[],
  policy: Partial<ComparisonPolicy> = {},
  persistence?: number,
): MetricHealth[] {
  const findings: MetricHealth[] = [];
  for (const benchmark of report.benchmarks) {
    const receipt = receipts.find((r) => r.resultId === benchmark.resultId);
    const thisCommit = receipt?.source.commit;
    const hardware = benchmark.baselineHardware ?? benchmark.hardware.slug;
    const baseline = store.baselines(benchmark.benchmarkId).find((b) => b.hardware.slug === hardware);
    for (const comparison of benchmark.comparisons) {
      if (
        !["regression", "unchanged", "improvement"].includes(comparison.verdict) &&
        !backAtLevel(comparison)
      )
        continue;
      const finding: MetricHealth = {
        benchmark: benchmark.benchmarkId,
        metric: comparison.metric,
        hardware,
        state: "healthy",
        details: describeNumbers(comparison),
      };
      const runs = baseline
        ? metricHistory(baseline, comparison.metric, { includeRegressed: true }).runs
        : [];
      if (comparison.verdict === "regression") {
        const candidate = receipt?.metrics[comparison.metric]?.values ?? [];
        finding.state = persists(runs, candidate, comparison, policy, persistence)
          ? "regression"
          : "suspected";
      }
      // The change happened after the last healthy run and at or before this one: runs already
      // folded as regressions of this metric are part of the change, so the range reaches back past them.
      const regressed = new Set(
        (baseline?.runs ?? []).filter((r) => r.regressed?.includes(comparison.metric)).map((r) => r.resultId),
      );
      const lastCommit = runs.filter((run) => !regressed.has(run.resultId)).at(-1)?.commit;
      if (comparison.verdict === "regression" && lastCommit && thisCommit) {
        finding.commitRange = `${lastCommit.slice(0, 12)}...${thisCommit.slice(0, 12)}`;
      }
      findings.push(finding);
    }
  }
  return findings;
}

/**
 * An inconclusive run whose interval contains no change is back at the baseline's level as far as
 * the data can tell: it counts as a good run for closing an issue (a noisy baseline that cannot
 * prove "unchanged" must not keep a recovered regression open forever).
 */
function backAtLevel(c: MetricComparison): boolean {
  const ci = c.relativeChangeCi;
  return c.verdict === "inconclusive" && ci !== undefined && ci[0] <= 0 && ci[1] >= 0;
}

/** Whether the gate, replayed over the history and this run, alerts at this run (a change that held). */
function persists(
  runs: readonly BaselineRun[],
  candidate: readonly number[],
  comparison: MetricComparison,
  policy: Partial<ComparisonPolicy>,
  persistence: number | undefined,
): boolean {
  if (candidate.length === 0) return false;
  const series = [...runs.map((run) => (run.values.length > 0 ? run.values : [run.summary.mean])), candidate];
  const alerts = replayGate(series, {
    direction: comparison.direction,
    policy,
    ...(persistence === undefined ? {} : { persistence }),
  });
  return alerts.some((alert) => alert.index === series.length - 1);
}

function describeNumbers(c: MetricComparison): string {
  const base = c.baseline
    ? `${round(c.baseline.level)} ± ${round(c.baseline.robustSigma)} (${c.baseline.runs} runs)`
    : "-";
  const now = c.candidate
    ? `${round(c.candidate.mean)} (95% CI ${round(c.candidate.ciLow)} to ${round(c.candidate.ciHigh)})`
    : "-";
  return [
    "| baseline | this run | change | verdict |",
    "| --- | --- | --- | --- |",
    `| ${[`${base} ${c.unit}`, `${now} ${c.unit}`, formatRelativeChange(c), c.verdict].map((t) => cell(escapeMarkdown(t))).join(" | ")} |`,
    "",
    escapeMarkdown(c.reason),
  ].join("\n");
}

function round(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
