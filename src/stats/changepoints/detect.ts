import type { Direction } from "../../descriptor/types.js";
import { normalUpperTail } from "../distributions.js";
import { summarize } from "../summary.js";
import { binarySegmentation } from "./binary-segmentation.js";
import { despike, runningMedian } from "./despike.js";
import { type LocalStep, localStep } from "./local-step.js";
import { differenceScale, type NoiseScale, noiseScale } from "./noise-scale.js";
import { pointValues } from "./series.js";
import {
  type ChangePoint,
  type ChangePointOptions,
  DEFAULT_CHANGE_POINT_OPTIONS,
  type Series,
} from "./types.js";

/**
 * Finds the points where a history changed level, as a benchmark history behaves: noise that
 * correlates from run to run, spikes, two-level builds and slow drifts.
 *  1. On the log scale when every value is positive (changes are ratios).
 *  2. Isolated spikes are replaced by their running median (despike.ts): a hiccup is not a level.
 *  3. Binary segmentation of the mean with a penalty of `penalty` · σ²_long-run · ln n: the
 *     long-run variance (noise.ts) makes correlated noise pay for the steps it fakes.
 *  4. Each step must stand against the local trend: a step-plus-slope fit over `localWindow`
 *     points each side gives |t| >= `stepT` on the long-run scale, and the step is at least
 *     `minEffect` in the windows' means and in the segments' medians alike; the weakest failing
 *     step is dropped and the rest re-judged until all stand.
 * O(n log n).
 *
 * @example
 * detectChangePoints([...Array(20).fill(100), ...Array(20).fill(110)], { direction: "higher_is_better" });
 * // [{ index: 20, relativeChange: 0.1, kind: "improvement", ... }]
 */
export function detectChangePoints(series: Series, options: Partial<ChangePointOptions> = {}): ChangePoint[] {
  const settings = { ...DEFAULT_CHANGE_POINT_OPTIONS, ...options };
  const values = pointValues(series);
  const n = values.length;
  if (n < 2 * settings.minSegment) return [];
  const logScale = values.every((v) => v > 0);
  const scaled = logScale ? values.map(Math.log) : values;
  const spikeScale = differenceScale(scaled);
  const cleaned = despike(scaled, spikeScale, settings.spikeLimit).values;
  const minEffect = logScale ? Math.log1p(settings.minEffect) : settings.minEffect * medianAbs(values);

  // Noise-free histories (a counter, a deterministic simulation) still change level: a floor of
  // 0.01% of the level keeps the penalty and the step's t finite.
  const floor = 0.01 * minEffect;
  const noiseOf = (r: number[]) => {
    const scale = noiseScale(r);
    return scale.longRun >= floor ? scale : { ...scale, longRun: floor };
  };
  const smooth = runningMedian(cleaned, settings.localWindow >> 1);
  let noise = noiseOf(cleaned.map((v, i) => v - smooth[i]!));
  let splits: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const penalty = settings.penalty * noise.longRun ** 2 * Math.log(n);
    if (!(penalty > 0)) return [];
    splits = binarySegmentation(cleaned, penalty, settings.minSegment);
    noise = noiseOf(residuals(cleaned, splits));
  }
  const kept = keepStandingSteps(cleaned, splits, noise, minEffect, settings);
  return kept.map((point, i) =>
    describeChange(values, point, kept[i - 1]?.index ?? 0, kept[i + 1]?.index ?? n, settings.direction),
  );
}

interface JudgedStep extends LocalStep {
  index: number;
}

function keepStandingSteps(
  values: readonly number[],
  initial: number[],
  noise: NoiseScale,
  minEffect: number,
  settings: ChangePointOptions,
): JudgedStep[] {
  let splits = [...initial];
  for (;;) {
    const judged = splits.map((index, i) => ({
      index,
      ...localStep(
        values,
        index,
        { from: splits[i - 1] ?? 0, to: splits[i + 1] ?? values.length },
        settings.localWindow,
        noise.longRun,
      ),
    }));
    const failing = judged.filter(
      (s) =>
        Math.abs(s.t) < settings.stepT ||
        Math.abs(s.step) < minEffect ||
        Math.abs(s.plainStep) < minEffect ||
        // The medians must agree too: a short segment's mean dragged by a couple of wild points
        // (a regression just starting at the end) is not a step of its own.
        Math.abs(s.medianStep) < minEffect ||
        Math.sign(s.step) !== Math.sign(s.plainStep) ||
        Math.sign(s.step) !== Math.sign(s.medianStep),
    );
    if (failing.length === 0) return judged;
    const weakest = failing.reduce((a, b) => (Math.abs(b.t) < Math.abs(a.t) ? b : a));
    splits = splits.filter((s) => s !== weakest.index);
  }
}

function residuals(values: readonly number[], splits: readonly number[]): number[] {
  const out: number[] = [];
  const bounds = [0, ...splits, values.length];
  for (let s = 0; s + 1 < bounds.length; s++) {
    let sum = 0;
    for (let i = bounds[s]!; i < bounds[s + 1]!; i++) sum += values[i]!;
    const mean = sum / (bounds[s + 1]! - bounds[s]!);
    for (let i = bounds[s]!; i < bounds[s + 1]!; i++) out.push(values[i]! - mean);
  }
  return out;
}

function medianAbs(values: readonly number[]): number {
  const sorted = values.map(Math.abs).sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function describeChange(
  values: readonly number[],
  point: JudgedStep,
  start: number,
  end: number,
  direction: Direction,
): ChangePoint {
  const before = summarize(values.slice(start, point.index));
  const after = summarize(values.slice(point.index, end));
  const relativeChange = before.median === 0 ? 0 : (after.median - before.median) / Math.abs(before.median);
  return {
    index: point.index,
    before,
    after,
    relativeChange,
    pValue: Math.min(1, 2 * normalUpperTail(Math.abs(point.t))),
    kind: kindOf(relativeChange, direction),
  };
}

/** Regression or improvement by direction; "shift" when the direction is unknown. */
export function kindOf(relativeChange: number, direction: Direction): ChangePoint["kind"] {
  if (direction === "unknown") return "shift";
  const larger = relativeChange > 0;
  return (direction === "higher_is_better") === larger ? "improvement" : "regression";
}
