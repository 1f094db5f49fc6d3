import { median } from "simple-statistics";
import type { Direction, Thresholds } from "../../descriptor/types.js";
import { compareMetrics } from "../compare.js";
import { summarize } from "../summary.js";
import type { BaselineRun, ComparisonPolicy } from "../types.js";
import { kindOf } from "./detect.js";
import { DEFAULT_GATE_PERSISTENCE } from "./gate-persistence.js";
import { localStep } from "./local-step.js";
import { noiseScale } from "./noise-scale.js";
import { pointRepetitions, pointValues } from "./series.js";
import type { ChangePoint, Series } from "./types.js";

export interface ReplayOptions {
  direction: Direction;
  /**
   * Consecutive changed points (same way) after which the gate alerts even without the fit's
   * confirmation; a change that reverts sooner was an outlier.
   */
  persistence: number;
  /** Changed points in a row before the change-point fit is asked to confirm a step (at least 3: a 2-point spike is not a step). */
  confirmAfter: number;
  /** Accepted points before the suspected change that the confirming fit sees. */
  fitWindow: number;
  thresholds: Thresholds;
  policy: Partial<ComparisonPolicy>;
}

export const DEFAULT_REPLAY_OPTIONS: Readonly<ReplayOptions> = Object.freeze({
  direction: "unknown",
  persistence: DEFAULT_GATE_PERSISTENCE,
  confirmAfter: 4,
  fitWindow: 60,
  thresholds: {},
  policy: {},
});

/**
 * Replays the live gate over a history: each point is judged by `compareMetrics` against the
 * points before it, exactly as a scheduled run on the default branch would be. A suspected
 * change (changed points in a row, the same way) alerts as soon as the change-point fit
 * (`detectChangePoints`) over the recent accepted points plus the suspects finds a step where
 * the suspects begin: quick for real steps (`confirmAfter` points), quiet for spikes and drifts
 * the fit rejects. A suspicion that holds for `persistence` points alerts regardless. Changed
 * points that revert are dropped as outliers and never enter the baseline; after an alert the
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
    const confirmed =
      pending.length >= settings.persistence ||
      (pending.length >= Math.max(3, settings.confirmAfter) &&
        fitConfirms(
          values,
          accepted.slice(-settings.fitWindow),
          pending.map((p) => p.index),
          larger,
        ));
    if (!confirmed) continue;
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

/** Least |t| of the suspected step against the recent trend, on the long-run noise of the accepted points. */
const CONFIRM_T = 3;

/**
 * Whether the suspects begin a step rather than continue a drift or a two-level pattern: a
 * step-plus-slope fit over the recent accepted points and the suspects (local-step.ts) gives
 * the step |t| >= 3 on the accepted points' long-run noise, the same way as the suspects.
 */
function fitConfirms(
  values: readonly number[],
  accepted: number[],
  suspects: number[],
  larger: boolean,
): boolean {
  if (accepted.length < 10) return false;
  const positive = values.every((v) => v > 0);
  const scaled = [...accepted, ...suspects].map((j) => (positive ? Math.log(values[j]!) : values[j]!));
  const start = accepted.length;
  const baseline = scaled.slice(0, start);
  // The accepted points are one regime: their noise is their spread around its median.
  const center = median(baseline);
  const noise = noiseScale(baseline.map((v) => v - center));
  const step = localStep(scaled, start, { from: 0, to: scaled.length }, start, noise.longRun);
  return Math.abs(step.t) >= CONFIRM_T && step.step > 0 === larger && step.plainStep > 0 === larger;
}
