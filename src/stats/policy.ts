import type { ComparisonPolicy } from "./types.js";

/**
 * The gate's defaults. A change is called only when three independent rules agree (see
 * docs/statistics.md): the run-level test at the FDR, the sigma rule, and the minimum effect.
 */
export const DEFAULT_POLICY: Readonly<ComparisonPolicy> = Object.freeze({
  // 3 robust sigmas of run-to-run spread: chance alone passes it ~0.1% of the time for normal
  // noise and ~3% for heavy tails (t, 3 df); the test and the minimum effect must agree too, so
  // 4 would only raise the noise floor by a third without buying calibration.
  sigma: 3,
  // 2%: below what shared CI runners reproduce day to day, and below what most teams act on;
  // a metric that matters at 0.5% sets thresholds.minEffect.
  minEffect: 0.02,
  // 5% of the metrics called changed may be false: the usual q, applied across all metrics of
  // one comparison so a suite of 200 metrics does not fail by chance.
  fdr: 0.05,
  // 3 runs is the least that gives a spread with two degrees of freedom; fewer is a guess.
  minBaselineRuns: 3,
  confidence: 0.95,
  // 2,000 resamples put the Monte Carlo error of a 95% percentile bound near 0.5 of a percentile.
  bootstrapResamples: 2000,
  seed: 20240607,
  // The last 30 accepted runs: long enough for a spread with 29 df, short enough to follow
  // slow infrastructure drift.
  window: 30,
});

/** Below this fraction of the level, spreads and standard errors are floored (deterministic metrics). */
export const RELATIVE_SPREAD_FLOOR = 0.001;

export function resolvePolicy(overrides: Partial<ComparisonPolicy> = {}): ComparisonPolicy {
  const policy = { ...DEFAULT_POLICY };
  for (const [key, value] of Object.entries(overrides) as [keyof ComparisonPolicy, number | undefined][]) {
    if (value !== undefined) policy[key] = value;
  }
  return policy;
}
