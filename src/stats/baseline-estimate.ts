import { type AnalysisScale, chooseScale } from "./analysis-scale.js";
import { studentTQuantile } from "./distributions.js";
import { fastMedian } from "./fast-median.js";
import { RELATIVE_SPREAD_FLOOR } from "./policy.js";
import { MAD_TO_SIGMA } from "./robust.js";
import type { BaselineRun } from "./types.js";

/**
 * What the recent baseline window says about a metric. Two levels of variation: runs (the
 * unit: a run on a shared machine drifts as a whole) and repetitions within a run.
 */
export interface BaselineEstimate {
  scale: AnalysisScale;
  runs: number;
  /** Run means of the window, oldest first (original units). */
  runMeans: number[];
  /** Run means on the analysis scale. */
  points: number[];
  /** Runs set aside as outliers (see `outlierRunIndices`); the centre and spread are those of the others. */
  outlierRuns: number[];
  /** Mean and sample sd (floored) of the points that are not outliers. */
  center: number;
  spread: number;
  /** Degrees of freedom of `spread`: kept runs - 1. */
  spreadDf: number;
  /** Variance of `center` as an estimate of the level, in units of spread²: 1 / kept runs. */
  centerVarianceFactor: number;
  /** Double-MAD spreads of the points below / above the centre, floored: the sigma rule judges a side by itself. */
  lowerSpread: number;
  upperSpread: number;
  /** Pooled within-run variance on the analysis scale and its degrees of freedom; undefined when no run repeats. */
  withinVariance: number | undefined;
  withinDf: number;
  /** Mean repetitions per run. */
  meanRepetitions: number;
  /** The level a candidate is compared with, in original units (centre transformed back). */
  level: number;
  /** Mean and sample sd of the run means, and their MAD sigma (floored), in original units, for display. */
  mean: number;
  sigma: number;
  robustSigma: number;
}

/** Summarizes the last `window` runs of a non-empty history on `scale` (chosen from the runs when omitted). */
export function estimateBaseline(
  history: readonly BaselineRun[],
  window: number,
  scale?: AnalysisScale,
): BaselineEstimate {
  const runs = history.slice(-Math.max(1, window));
  const k = runs.length;
  const runMeans: number[] = [];
  for (let i = 0; i < k; i++) runMeans.push(runs[i]!.summary.mean);
  const on = scale ?? chooseScale(runMeans, []);
  const points: number[] = [];
  for (let i = 0; i < k; i++) points.push(on.forward(runMeans[i]!));

  let withinSquares = 0;
  let withinDf = 0;
  let repetitions = 0;
  // Indexed loops here and below: this runs for every metric of a comparison, and a for...of
  // allocates in the tiers below the optimizing compiler.
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    repetitions += run.summary.n;
    if (run.summary.n < 2) continue;
    withinSquares += on.withinVariance(run.summary.mean, run.summary.stddev) * (run.summary.n - 1);
    withinDf += run.summary.n - 1;
  }
  const withinVariance = withinDf > 0 ? withinSquares / withinDf : undefined;
  const meanRepetitions = repetitions / k;

  const outlierRuns = outlierRunIndices(points);
  const kept = outlierRuns.length === 0 ? points : points.filter((_, i) => !outlierRuns.includes(i));
  const center = average(kept);
  const level = on.kind === "log" ? Math.exp(center) : center;
  // A spread below what the runs' own repetitions allow, or below 0.1% of the level, is luck
  // or quantization, never precision: floor it so no change becomes infinitely many sigmas.
  const floor = (spread: number) =>
    Math.max(
      spread,
      withinVariance === undefined ? 0 : Math.sqrt(withinVariance / meanRepetitions),
      on.difference(RELATIVE_SPREAD_FLOOR, level),
    );
  const spread = floor(sampleSd(kept));
  // Double MAD: the median distance of the points on each side of the centre, each side alone.
  const below: number[] = [];
  const above: number[] = [];
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i]!;
    if (p <= center) below.push(center - p);
    if (p >= center) above.push(p - center);
  }

  return {
    scale: on,
    runs: k,
    runMeans,
    points,
    outlierRuns,
    center,
    spread,
    spreadDf: Math.max(1, kept.length - 1),
    centerVarianceFactor: 1 / kept.length,
    lowerSpread: floor(below.length > 0 ? MAD_TO_SIGMA * fastMedian(below) : 0),
    upperSpread: floor(above.length > 0 ? MAD_TO_SIGMA * fastMedian(above) : 0),
    withinVariance,
    withinDf,
    meanRepetitions,
    level,
    mean: average(runMeans),
    sigma: sampleSd(runMeans),
    robustSigma: Math.max(madSigma(runMeans), RELATIVE_SPREAD_FLOOR * Math.abs(level)),
  };
}

/** 1.4826 · MAD. */
function madSigma(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const center = fastMedian(values);
  return MAD_TO_SIGMA * fastMedian(values.map((v) => Math.abs(v - center)));
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = average(values);
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Fewest runs before any is set aside: below it, one odd run cannot be told from a wide spread. */
const MIN_RUNS_FOR_OUTLIERS = 8;
/** Chance that normal runs lose one to the outlier test (generalized ESD's level). */
const OUTLIER_TEST_LEVEL = 0.01;

/**
 * Runs far from the others: a single hiccup (a noisy neighbour) would inflate the spread and
 * blind the gate until it leaves the window. Rosner's generalized ESD test (1983) at 1%, for up
 * to one run in ten: normal spread is trimmed in only 1% of windows, so the test stays
 * calibrated (test/stats/calibration.test.ts), while a run 2x off the others is set aside.
 */
export function outlierRunIndices(points: readonly number[]): number[] {
  const k = points.length;
  const most = Math.floor(k / 10);
  if (k < MIN_RUNS_FOR_OUTLIERS || most === 0) return [];
  // Points still in the test, in their original order (the mean and sd sum them in that order).
  const setAside = new Uint8Array(k);
  const removed: number[] = [];
  let outliers = 0;
  for (let i = 1; i <= most; i++) {
    const count = k - i + 1;
    let sum = 0;
    for (let j = 0; j < k; j++) if (setAside[j] === 0) sum += points[j]!;
    const mean = sum / count;
    let squares = 0;
    for (let j = 0; j < k; j++) if (setAside[j] === 0) squares += (points[j]! - mean) ** 2;
    const sd = Math.sqrt(squares / (count - 1));
    if (sd === 0) break;
    // The first of the points farthest from the mean.
    let far = -1;
    for (let j = 0; j < k; j++) {
      if (setAside[j] === 0 && (far === -1 || Math.abs(points[j]! - mean) > Math.abs(points[far]! - mean))) {
        far = j;
      }
    }
    const statistic = Math.abs(points[far]! - mean) / sd;
    removed.push(far);
    setAside[far] = 1;
    if (statistic > esdCriticalValue(count)) outliers = i;
  }
  return removed.slice(0, outliers);
}

/** Generalized ESD's critical values by sample size, kept: every metric's window asks for the same few. */
const esdCriticalValues = new Map<number, number>();

function esdCriticalValue(n: number): number {
  let critical = esdCriticalValues.get(n);
  if (critical === undefined) {
    const t = studentTQuantile(1 - OUTLIER_TEST_LEVEL / (2 * n), n - 2);
    critical = ((n - 1) * t) / Math.sqrt((n - 2 + t * t) * n);
    esdCriticalValues.set(n, critical);
  }
  return critical;
}
