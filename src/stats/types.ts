import type { Direction, Thresholds } from "../descriptor/types.js";

/**
 * The contract between the statistics core (src/stats, pure) and its callers
 * (baselines, `maat compare`, reports, the action). Everything here is plain data.
 */

export type Verdict =
  | "regression"
  | "improvement"
  | "unchanged"
  | "inconclusive"
  | "no-baseline"
  | "failed"
  /** The metric's meaning (unit, direction, aggregate) changed since the baseline: it cannot be weighed. */
  | "incomparable";

/** Summary statistics of a set of values (one run's repetitions, say). */
export interface SampleSummary {
  n: number;
  mean: number;
  median: number;
  stddev: number;
  /** Median absolute deviation (raw, not scaled to sigma). */
  mad: number;
  min: number;
  max: number;
}

/** One accepted run in a baseline history. */
export interface BaselineRun {
  resultId: string;
  commit?: string;
  date: string;
  summary: SampleSummary;
  /** Raw repetition values (possibly capped); `summary` is over all of them. */
  values: number[];
}

/** The knobs of the gate. Defaults and their reasons live in src/stats/policy.ts. */
export interface ComparisonPolicy {
  /** Distance from the baseline level in robust sigmas needed to call a change. */
  sigma: number;
  /** Minimum relative change worth calling (0.02 = 2%). */
  minEffect: number;
  /** Level of each metric's test: the false-positive rate at zero change. */
  alpha: number;
  /** False-discovery rate among the metrics of one benchmark (Benjamini-Hochberg q). */
  fdr: number;
  /** Fewer baseline runs than this: `inconclusive` (or `no-baseline` when zero). */
  minBaselineRuns: number;
  /** Confidence level of reported intervals. */
  confidence: number;
  /** Power at which the noise floor (the smallest change this baseline can call) is stated. */
  power: number;
  /** How many recent baseline runs feed the level, spread and two-sample test. */
  window: number;
}

export interface MetricComparisonInput {
  benchmarkId: string;
  metric: string;
  unit: string;
  direction: Direction;
  /** Per-metric overrides of `sigma` / `minEffect`. */
  thresholds: Thresholds;
  /** Accepted runs, oldest first, already cut at the latest accepted reset. Empty: no baseline. */
  history: BaselineRun[];
  /** The candidate's values, one per measured repetition. */
  candidate: number[];
  /** Set when the candidate could not produce the metric (failed run, missing/NaN values). */
  candidateFailure?: string;
  /** Metrics whose false-discovery rate is controlled together; default: the benchmark id. */
  family?: string;
}

export interface MetricComparison {
  benchmarkId: string;
  metric: string;
  unit: string;
  direction: Direction;
  verdict: Verdict;
  /** One sentence: why this verdict (what is missing for `inconclusive`). */
  reason: string;
  baseline?: { runs: number; level: number; mean: number; sigma: number; robustSigma: number };
  candidate?: { n: number; mean: number; ciLow: number; ciHigh: number };
  /** candidate / baseline level - 1, and its confidence interval (from the same test as the verdict). */
  relativeChange?: number;
  relativeChangeCi?: [number, number];
  /** "log" for positive metrics (changes are ratios), "linear" otherwise; see analysis-scale.ts. */
  scale?: "log" | "linear";
  /** Distance from the baseline level in robust sigmas of run-to-run spread (signed: positive = larger value). */
  sigmas?: number;
  test?: {
    name: "prediction-t" | "robust-prediction-t";
    pValue: number;
    df: number;
    /** Benjamini-Hochberg adjusted within the benchmark. */
    adjustedPValue?: number;
  };
  /** Smallest relative change this baseline and repetition count could call (at `power`). */
  noiseFloor?: number;
  /** For `inconclusive`: what would decide it ("about 9 baseline runs", "a quieter machine"). */
  advice?: string;
  /** True when more repetitions would likely settle an almost-significant result. */
  suspicious?: boolean;
}
