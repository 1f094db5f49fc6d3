import { median } from "simple-statistics";
import type { Direction } from "../../descriptor/types.js";
import { mannWhitneyU } from "../mann-whitney.js";
import { createRandom, deriveSeed } from "../rng.js";
import { summarize } from "../summary.js";
import { bestRankSplit, midRanks, splitPValue } from "./rank-cusum.js";
import { pointValues } from "./series.js";
import {
  type ChangePoint,
  type ChangePointOptions,
  DEFAULT_CHANGE_POINT_OPTIONS,
  type Series,
} from "./types.js";

/**
 * Finds the points where a history changed level. Binary segmentation on ranks: split each
 * segment where the rank-sum statistic peaks, keep the split when (1) the peak is significant
 * (Bonferroni bound, or a seeded permutation test when borderline), (2) the step shows
 * locally — the `localWindow` points on each side differ by a Mann-Whitney test and by at
 * least `minEffect` — so a slow drift or a spike that reverts is not a step, then recurse.
 * Ranks make it indifferent to outliers and heavy tails. O(n log² n) plus permutations for
 * borderline splits (O(n · permutations) at worst).
 *
 * @example
 * detectChangePoints([...Array(20).fill(100), ...Array(20).fill(110)], { direction: "higher_is_better" });
 * // [{ index: 20, relativeChange: 0.1, kind: "improvement", ... }]
 */
export function detectChangePoints(series: Series, options: Partial<ChangePointOptions> = {}): ChangePoint[] {
  const settings = { ...DEFAULT_CHANGE_POINT_OPTIONS, ...options };
  const values = pointValues(series);
  const found: { index: number; pValue: number }[] = [];
  const visit = (start: number, end: number) => {
    if (end - start < 2 * settings.minSegment) return;
    const ranks = midRanks(values.slice(start, end));
    const split = bestRankSplit(ranks, settings.minSegment);
    if (split.split < 0) return;
    const random = createRandom(deriveSeed(settings.seed, start * 7919 + end));
    const pValue = splitPValue(ranks, split, settings.minSegment, settings.permutations, random);
    if (pValue > settings.alpha) return;
    const index = start + split.split;
    const local = localStep(values, index, start, end, settings.localWindow);
    if (local.pValue <= settings.alpha && Math.abs(local.relativeChange) >= settings.minEffect) {
      found.push({ index, pValue: Math.max(pValue, local.pValue) });
    }
    visit(start, index);
    visit(index, end);
  };
  visit(0, values.length);
  found.sort((a, b) => a.index - b.index);
  return found.map((point, i) =>
    describeChange(
      values,
      point,
      found[i - 1]?.index ?? 0,
      found[i + 1]?.index ?? values.length,
      settings.direction,
    ),
  );
}

function localStep(values: readonly number[], index: number, start: number, end: number, window: number) {
  const left = values.slice(Math.max(start, index - window), index);
  const right = values.slice(index, Math.min(end, index + window));
  const before = median(left);
  return {
    pValue: mannWhitneyU(left, right).pValue,
    relativeChange: before === 0 ? 0 : (median(right) - before) / Math.abs(before),
  };
}

function describeChange(
  values: readonly number[],
  point: { index: number; pValue: number },
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
    pValue: point.pValue,
    kind: kindOf(relativeChange, direction),
  };
}

/** Regression or improvement by direction; "shift" when the direction is unknown. */
export function kindOf(relativeChange: number, direction: Direction): ChangePoint["kind"] {
  if (direction === "unknown") return "shift";
  const larger = relativeChange > 0;
  return (direction === "higher_is_better") === larger ? "improvement" : "regression";
}
