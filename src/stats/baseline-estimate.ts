import { median } from "simple-statistics";
import { RELATIVE_SPREAD_FLOOR } from "./policy.js";
import { MAD_TO_SIGMA, robustSigma } from "./robust.js";
import type { BaselineRun } from "./types.js";

/** What the recent baseline window says about a metric, at the level of runs. */
export interface BaselineEstimate {
  runs: number;
  /** Run means of the window, oldest first, and sorted. */
  runMeans: number[];
  sortedRunMeans: number[];
  /** Median of the run means: the level a candidate is compared with. */
  level: number;
  /** Mean and sample standard deviation of the run means. */
  mean: number;
  sigma: number;
  /** 1.4826 · MAD of the run means, floored (see `floorSpread`). */
  robustSigma: number;
  /**
   * The same from the deviations below / above the level only (the "double MAD"): a latency's
   * long upper tail must not be judged by its short lower one.
   */
  lowerSigma: number;
  upperSigma: number;
  /** Pooled within-run variance and its degrees of freedom; undefined when no run has two values. */
  withinVariance: number | undefined;
  withinDf: number;
  /** Mean repetitions per run. */
  meanRepetitions: number;
  /** Run-to-run variance beyond what within-run noise explains (drift of shared runners). */
  betweenVariance: number;
}

/** Summarizes the last `window` runs of a non-empty history. */
export function estimateBaseline(history: readonly BaselineRun[], window: number): BaselineEstimate {
  const runs = history.slice(-Math.max(1, window));
  const runMeans = runs.map((r) => r.summary.mean);
  const sortedRunMeans = [...runMeans].sort((a, b) => a - b);
  const k = runMeans.length;
  const level = median(sortedRunMeans);
  let sum = 0;
  for (const m of runMeans) sum += m;
  const mean = sum / k;
  let squares = 0;
  for (const m of runMeans) squares += (m - mean) ** 2;
  const sigma = k > 1 ? Math.sqrt(squares / (k - 1)) : 0;
  let withinSquares = 0;
  let withinDf = 0;
  let repetitions = 0;
  for (const run of runs) {
    repetitions += run.summary.n;
    if (run.summary.n < 2) continue;
    withinSquares += run.summary.stddev ** 2 * (run.summary.n - 1);
    withinDf += run.summary.n - 1;
  }
  const withinVariance = withinDf > 0 ? withinSquares / withinDf : undefined;
  const meanRepetitions = repetitions / k;
  const standardErrorOfRun = withinVariance === undefined ? 0 : withinVariance / meanRepetitions;
  const betweenVariance =
    withinVariance === undefined ? sigma * sigma : Math.max(0, sigma * sigma - standardErrorOfRun);
  const floor = (spread: number) => floorSpread(spread, level, Math.sqrt(standardErrorOfRun));
  const below = runMeans.filter((m) => m <= level).map((m) => level - m);
  const above = runMeans.filter((m) => m >= level).map((m) => m - level);
  return {
    runs: k,
    runMeans,
    sortedRunMeans,
    level,
    mean,
    sigma,
    robustSigma: floor(robustSigma(runMeans)),
    lowerSigma: floor(MAD_TO_SIGMA * median(below)),
    upperSigma: floor(MAD_TO_SIGMA * median(above)),
    withinVariance,
    withinDf,
    meanRepetitions,
    betweenVariance,
  };
}

/**
 * A MAD of run means can be 0 (identical values) or below what the runs' own noise allows;
 * either would make every change "infinitely many sigmas". Floor it at the standard error of a
 * run mean without any drift, and at 0.1% of the level.
 */
export function floorSpread(spread: number, level: number, withinRunError: number): number {
  return Math.max(spread, withinRunError, RELATIVE_SPREAD_FLOOR * Math.abs(level));
}
