import type { BaselineRun } from "../stats/types.js";
import { historyEntry, type MetricHistory, metricHistory } from "./reset.js";
import type { Baseline } from "./types.js";

/**
 * Every metric's history, as `metricHistory` gives it, in one pass over the runs: comparing a
 * benchmark compares all its metrics, and looking each one up in every run costs a keyed
 * lookup per metric and run. Metrics with a reset, or flagged as a regression in some run,
 * take `metricHistory`'s own path; a metric in no run has no entry.
 */
export function metricHistories(baseline: Baseline): Map<string, MetricHistory> {
  const careful = new Set(baseline.resets.map((reset) => reset.metric));
  for (const run of baseline.runs) for (const metric of run.regressed ?? []) careful.add(metric);

  const runsByMetric = new Map<string, BaselineRun[]>();
  for (const run of baseline.runs) {
    const metrics = run.metrics;
    for (const name in metrics) {
      if (careful.has(name)) continue;
      const m = metrics[name]!;
      let runs = runsByMetric.get(name);
      if (runs === undefined) {
        runs = [];
        runsByMetric.set(name, runs);
      }
      runs.push(historyEntry(run, m));
    }
  }
  const histories = new Map<string, MetricHistory>();
  for (const [name, runs] of runsByMetric) histories.set(name, { runs });
  for (const name of careful) histories.set(name, metricHistory(baseline, name));
  return histories;
}
