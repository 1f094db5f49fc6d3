import { detectChangePoints } from "../stats/changepoints/index.js";
import type { ChangePoint } from "../stats/changepoints/types.js";
import type { Baseline } from "./types.js";

/** A level shift in a metric's accepted history, attributed to the commits around it. */
export interface HistoryChange {
  metric: string;
  kind: ChangePoint["kind"];
  relativeChange: number;
  pValue: number;
  /** Last run of the old level and first run of the new one. */
  lastBefore: { resultId: string; commit?: string; date: string };
  firstAfter: { resultId: string; commit?: string; date: string };
  /** `<last-before>...<first-after>` when both commits are known: the change is in this range. */
  commitRange?: string;
}

/**
 * Where each metric's level shifted over a baseline's whole history (resets included: they
 * are shifts someone accepted), with each shift's commit range. Each run contributes all its
 * repetitions, so the evidence of repeated measurements is combined.
 */
export function historyChanges(baseline: Baseline): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const [metric, { direction }] of Object.entries(baseline.metrics).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const runs = baseline.runs.filter((run) => run.metrics[metric] !== undefined);
    const series = runs.map((run) => {
      const m = run.metrics[metric]!;
      return m.values.length > 0 ? m.values : [m.summary.mean];
    });
    for (const point of detectChangePoints(series, { direction })) {
      const before = runs[point.index - 1]!;
      const after = runs[point.index]!;
      const change: HistoryChange = {
        metric,
        kind: point.kind,
        relativeChange: point.relativeChange,
        pValue: point.pValue,
        lastBefore: describe(before),
        firstAfter: describe(after),
      };
      if (before.commit && after.commit)
        change.commitRange = `${before.commit.slice(0, 12)}...${after.commit.slice(0, 12)}`;
      changes.push(change);
    }
  }
  return changes;
}

function describe(run: Baseline["runs"][number]) {
  return {
    resultId: run.resultId,
    date: run.date,
    ...(run.commit === undefined ? {} : { commit: run.commit }),
  };
}
