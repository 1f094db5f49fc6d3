import type { Direction, Thresholds } from "../../descriptor/types.js";
import { compareMetrics } from "../compare.js";
import { summarize } from "../summary.js";
import type { BaselineRun, ComparisonPolicy } from "../types.js";
import { kindOf } from "./detect.js";
import { pointRepetitions, pointValues } from "./series.js";
import type { ChangePoint, Series } from "./types.js";

export interface ReplayOptions {
  direction: Direction;
  /** Consecutive changed points (same way) needed before an alert; a change that reverts sooner was an outlier. */
  persistence: number;
  thresholds: Thresholds;
  policy: Partial<ComparisonPolicy>;
}

export const DEFAULT_REPLAY_OPTIONS: Readonly<ReplayOptions> = Object.freeze({
  direction: "unknown",
  persistence: 2,
  thresholds: {},
  // The interval is not used by the replay; fewer resamples keep 5,000 points fast.
  policy: { bootstrapResamples: 200 },
});

/**
 * Replays the live gate over a history: each point is judged by `compareMetrics` against the
 * points before it, exactly as a scheduled run on the default branch would be. A change must
 * persist for `persistence` points to raise an alert (at the point that completes it); changed
 * points that revert are dropped as outliers and never enter the baseline. After an alert the
 * baseline restarts from the new regime, as it would after the team accepts it.
 */
export function replayGate(series: Series, options: Partial<ReplayOptions> = {}): ChangePoint[] {
  const settings = { ...DEFAULT_REPLAY_OPTIONS, ...options };
  const policy = { ...DEFAULT_REPLAY_OPTIONS.policy, ...settings.policy };
  const window = policy.window ?? 30;
  const values = pointValues(series);
  const runs: BaselineRun[] = pointRepetitions(series).map((reps, i) => ({
    resultId: String(i),
    date: "",
    summary: summarize(reps),
    values: reps,
  }));
  const alerts: ChangePoint[] = [];
  let accepted: number[] = [];
  let pending: { index: number; larger: boolean; pValue: number }[] = [];
  for (let i = 0; i < runs.length; i++) {
    const history = accepted.slice(-window).map((j) => runs[j]!);
    const [comparison] = compareMetrics(
      [
        {
          benchmarkId: "replay",
          metric: "value",
          unit: "",
          // Unknown direction is judged as if higher were better and reported as a shift.
          direction: settings.direction === "unknown" ? "higher_is_better" : settings.direction,
          thresholds: settings.thresholds,
          history,
          candidate: runs[i]!.values,
        },
      ],
      policy,
    );
    const changed = comparison!.verdict === "regression" || comparison!.verdict === "improvement";
    if (!changed) {
      pending = [];
      accepted.push(i);
      continue;
    }
    const larger = (comparison!.relativeChange ?? 0) > 0;
    if (pending.length > 0 && pending[0]!.larger !== larger) pending = [];
    pending.push({ index: i, larger, pValue: comparison!.test?.adjustedPValue ?? 1 });
    if (pending.length < settings.persistence) continue;
    const before = summarize(history.map((run) => values[Number(run.resultId)]!));
    const after = summarize(pending.map((p) => values[p.index]!));
    const relativeChange = before.median === 0 ? 0 : (after.median - before.median) / Math.abs(before.median);
    alerts.push({
      index: i,
      before,
      after,
      relativeChange,
      pValue: Math.max(...pending.map((p) => p.pValue)),
      kind: kindOf(relativeChange, settings.direction),
    });
    accepted = pending.map((p) => p.index);
    pending = [];
  }
  return alerts;
}
