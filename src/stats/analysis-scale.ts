/**
 * The scale a metric is analysed on. Performance metrics are ratios at heart (2x slower is
 * +100% in duration and -50% in throughput; noise grows with the level), so when every value
 * is positive the gate works on logarithms: both views of one change get the same verdict and
 * right-skewed latencies become nearly symmetric. Metrics that can be zero or negative (a
 * loss delta, a temperature offset) stay linear.
 */
export interface AnalysisScale {
  kind: "log" | "linear";
  /** Value -> analysis scale. */
  forward(value: number): number;
  /** Within-run variance of one run on the analysis scale, from its mean and sample sd. */
  withinVariance(mean: number, stddev: number): number;
  /** A difference on the analysis scale -> a relative change against `level`. */
  relative(difference: number, level: number): number;
  /** A relative change -> the difference it takes on the analysis scale (positive side). */
  difference(relative: number, level: number): number;
}

const LOG: AnalysisScale = {
  kind: "log",
  forward: Math.log,
  // Delta method: var(log X) ~ (sd / mean)^2, the squared coefficient of variation.
  withinVariance: (mean, stddev) => (stddev / mean) ** 2,
  relative: (difference) => Math.expm1(difference),
  difference: (relative) => Math.log1p(relative),
};

const LINEAR: AnalysisScale = {
  kind: "linear",
  forward: (value) => value,
  withinVariance: (_mean, stddev) => stddev * stddev,
  relative: (difference, level) => difference / Math.abs(level),
  difference: (relative, level) => relative * Math.abs(level),
};

/** Log when every run mean and candidate value is positive, else linear. */
export function chooseScale(runMeans: readonly number[], candidate: readonly number[]): AnalysisScale {
  for (let i = 0; i < runMeans.length; i++) if (!(runMeans[i]! > 0)) return LINEAR;
  for (let i = 0; i < candidate.length; i++) if (!(candidate[i]! > 0)) return LINEAR;
  return LOG;
}
