import { historyChanges } from "../baselines/history-changes.js";
import { metricHistory } from "../baselines/reset.js";
import type { Baseline } from "../baselines/types.js";
import { estimateBaseline } from "../stats/baseline-estimate.js";
import { compareMetrics } from "../stats/compare.js";
import { resolvePolicy } from "../stats/policy.js";
import type { BaselineRun, ComparisonPolicy } from "../stats/types.js";
import type { BenchmarkPage, HardwareHistory, MetricHistoryData } from "./page-data.js";

export interface BenchmarkPageOptions {
  generatedAt: string;
  repositoryUrl?: string;
  policy?: Partial<ComparisonPolicy>;
  receiptLink?: (resultId: string) => string | undefined;
}

/**
 * A benchmark's page data from its histories (one per hardware key): each metric's run means,
 * change points (the same detector as `maat baseline show`), the gate's band per stretch
 * between change points, and the newest run's verdict against the runs before it.
 */
export function benchmarkPage(
  benchmarkId: string,
  baselines: Baseline[],
  options: BenchmarkPageOptions,
): BenchmarkPage {
  const policy = resolvePolicy(options.policy);
  const hardware = baselines
    .filter((b) => b.runs.length > 0)
    .map((b) => hardwareHistory(b, policy, options))
    .sort((a, b) => (b.runs.date.at(-1) ?? 0) - (a.runs.date.at(-1) ?? 0));
  const page: BenchmarkPage = {
    benchmarkId,
    generatedAt: options.generatedAt,
    thresholds: { sigma: policy.sigma, minEffect: policy.minEffect },
    hardware,
  };
  if (options.repositoryUrl !== undefined) page.repositoryUrl = options.repositoryUrl;
  return page;
}

/** For each metric, the runs that flagged it as regressed, in order: one pass over the runs. */
function regressedRunsByMetric(runs: Baseline["runs"]): Map<string, number[]> {
  const byMetric = new Map<string, number[]>();
  runs.forEach((run, i) => {
    for (const name of new Set(run.regressed ?? [])) {
      const indexes = byMetric.get(name);
      if (indexes === undefined) byMetric.set(name, [i]);
      else indexes.push(i);
    }
  });
  return byMetric;
}

function hardwareHistory(
  baseline: Baseline,
  policy: ComparisonPolicy,
  options: BenchmarkPageOptions,
): HardwareHistory {
  const runs = baseline.runs;
  const index = new Map(runs.map((run, i) => [run.resultId, i]));
  const changes = historyChanges(baseline);
  const names = Object.keys(baseline.metrics).sort();
  const latest = latestVerdicts(baseline, names, policy);
  const regressedRuns = regressedRunsByMetric(runs);
  const metrics = names.map((name, m): MetricHistoryData => {
    const changePoints = changes
      .filter((c) => c.metric === name)
      .map((c) => ({
        index: index.get(c.firstAfter.resultId)!,
        kind: c.kind,
        relativeChange: c.relativeChange,
      }));
    return {
      name,
      unit: baseline.metrics[name]!.unit,
      direction: baseline.metrics[name]!.direction,
      values: runs.map((run) => round(run.metrics[name]?.summary.mean)),
      regressed: regressedRuns.get(name) ?? [],
      bands: bands(
        baseline,
        name,
        changePoints.map((c) => c.index),
        policy,
      ),
      changePoints,
      latest: latest[m]!,
    };
  });
  return {
    slug: baseline.hardware.slug,
    fields: baseline.hardware.fields,
    runs: {
      date: runs.map((run) => Math.round(Date.parse(run.date) / 1000)),
      commit: runs.map((run) => run.commit ?? null),
      resultId: runs.map((run) => run.resultId),
      receipt: runs.map((run) => options.receiptLink?.(run.resultId) ?? null),
    },
    metrics,
  };
}

/** Seven significant digits: more than any chart or table shows, and a third of the bytes. */
function round(value: number | undefined): number | null {
  return value === undefined ? null : Number(value.toPrecision(7));
}

/** Level ± the smallest change the gate calls (sigma robust sigmas, at least minEffect), per stretch. */
function bands(baseline: Baseline, metric: string, cuts: number[], policy: ComparisonPolicy) {
  const edges = [0, ...cuts, baseline.runs.length];
  const out: MetricHistoryData["bands"] = [];
  for (let s = 0; s + 1 < edges.length; s++) {
    const [from, to] = [edges[s]!, edges[s + 1]! - 1];
    const history: BaselineRun[] = [];
    for (let i = from; i <= to; i++) {
      const run = baseline.runs[i]!;
      const m = run.metrics[metric];
      if (m === undefined || run.regressed?.includes(metric)) continue;
      history.push({ resultId: run.resultId, date: run.date, summary: m.summary, values: m.values });
    }
    if (history.length < policy.minBaselineRuns) continue;
    const estimate = estimateBaseline(history, policy.window);
    const threshold = Math.max(
      policy.sigma * estimate.robustSigma,
      policy.minEffect * Math.abs(estimate.level),
    );
    out.push({
      from,
      to,
      level: estimate.level,
      low: estimate.level - threshold,
      high: estimate.level + threshold,
    });
  }
  return out;
}

/** Every metric's newest run against the history before it, in one comparison (one FDR family). */
function latestVerdicts(
  baseline: Baseline,
  names: string[],
  policy: ComparisonPolicy,
): MetricHistoryData["latest"][] {
  const inputs = names.map((name) => {
    const at = baseline.runs.findLastIndex((run) => run.metrics[name] !== undefined);
    const before = { ...baseline, runs: baseline.runs.slice(0, Math.max(0, at)) };
    const { direction, unit } = baseline.metrics[name]!;
    return {
      benchmarkId: baseline.benchmarkId,
      metric: name,
      unit,
      direction,
      thresholds: {},
      history: metricHistory(before, name).runs,
      candidate: at < 0 ? [] : baseline.runs[at]!.metrics[name]!.values,
    };
  });
  return compareMetrics(inputs, policy).map((c) => ({
    verdict: c.verdict,
    reason: c.reason,
    ...(c.relativeChange === undefined ? {} : { relativeChange: c.relativeChange }),
  }));
}
