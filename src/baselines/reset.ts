import type { BaselineRun } from "../stats/types.js";
import { BaselineError } from "./errors.js";
import type { Baseline, BaselineReset } from "./types.js";

/**
 * Records an accepted change: from `fromCommit` on, `metric` compares against the new
 * level only. The reset is data in the baseline file, reviewed like any other change.
 */
export function resetBaseline(baseline: Baseline, reset: BaselineReset): Baseline {
  if (!(reset.metric in baseline.metrics)) {
    const known = Object.keys(baseline.metrics).sort().join(", ") || "none";
    throw new BaselineError(
      `baseline of ${baseline.benchmarkId} on ${baseline.hardware.slug} has no metric "${reset.metric}"`,
      { hint: `Metrics with a baseline: ${known}.` },
    );
  }
  return { ...baseline, resets: [...baseline.resets, reset] };
}

/** The history of one metric that a comparison may use, and the reset that cut it, if any. */
export interface MetricHistory {
  runs: BaselineRun[];
  reset?: BaselineReset;
}

/**
 * The accepted runs of `metric`, oldest first, cut at its latest reset: runs at or after
 * the first run of the reset's commit, or (when that commit has no run yet) runs dated
 * after the reset was accepted. Runs flagged as regressions of this metric are left out
 * unless `includeRegressed` (trend charts, persistence) or a later reset accepted them.
 */
export function metricHistory(
  baseline: Baseline,
  metric: string,
  options: { includeRegressed?: boolean } = {},
): MetricHistory {
  const reset = baseline.resets.findLast((r) => r.metric === metric);
  const resetAt = reset === undefined ? undefined : Date.parse(reset.date);
  const includeRegressed = options.includeRegressed === true;
  let runs = baseline.runs;
  if (reset !== undefined) {
    const at = runs.findIndex((run) => run.commit !== undefined && sameCommit(run.commit, reset.fromCommit));
    runs = at === -1 ? runs.filter((run) => Date.parse(run.date) > resetAt!) : runs.slice(at);
  }
  const history: BaselineRun[] = [];
  for (const run of runs) {
    const m = run.metrics[metric];
    if (m === undefined || (!includeRegressed && !countsDespiteFlag(run, metric, resetAt))) continue;
    history.push(historyEntry(run, m));
  }
  return reset === undefined ? { runs: history } : { runs: history, reset };
}

/**
 * One run of a metric's history. Built whole, one shape whether or not a commit is known:
 * histories are built for every metric of a comparison, and the statistics that read them stay
 * optimized for one shape.
 */
export function historyEntry(
  run: Baseline["runs"][number],
  metric: Baseline["runs"][number]["metrics"][string],
): BaselineRun {
  return {
    resultId: run.resultId,
    date: run.date,
    commit: run.commit,
    summary: metric.summary,
    values: metric.values,
  };
}

/** A run flagged as a regression counts only once a reset accepted it (flagged before the reset). */
function countsDespiteFlag(
  run: Baseline["runs"][number],
  metric: string,
  resetAt: number | undefined,
): boolean {
  return (
    run.regressed === undefined ||
    !run.regressed.includes(metric) ||
    (resetAt !== undefined && Date.parse(run.date) <= resetAt)
  );
}

/** A short SHA names the same commit as the full one it starts. */
function sameCommit(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return Math.min(x.length, y.length) >= 7 && (x.startsWith(y) || y.startsWith(x));
}
