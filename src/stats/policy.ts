import type { ComparisonPolicy } from "./types.js";

/**
 * The gate's defaults. A change is called only when three independent rules agree (see
 * docs/statistics.md): the run-level test at the FDR, the sigma rule, and the minimum effect.
 */
export const DEFAULT_POLICY: Readonly<ComparisonPolicy> = Object.freeze({
  // 3 robust sigmas of run-to-run spread: a change must also be large against the drift a
  // machine shows between runs, not only significant. Small-sample uncertainty is the test's
  // job (its degrees of freedom), so the rule is not inflated for few runs.
  sigma: 3,
  // 2%: below what shared CI runners reproduce day to day, and below what most teams act on;
  // a metric that matters at 0.5% sets thresholds.minEffect.
  minEffect: 0.02,
  // Each metric's test at 1%: at zero change no more than 1 run in 100 is flagged by chance,
  // whatever the drift (the prediction t is exact for a new run; see run-level-test.ts).
  alpha: 0.01,
  // 5% of the metrics called changed within one benchmark may be false: the usual q. Applied
  // per benchmark, not across every metric of a run, so a real shift in one benchmark is not
  // drowned by 10,000 unrelated metrics elsewhere.
  fdr: 0.05,
  // 3 runs is the least that gives a spread with two degrees of freedom; fewer is a guess.
  minBaselineRuns: 3,
  confidence: 0.95,
  // Power at which the noise floor is stated: the change this baseline catches 4 times in 5.
  power: 0.8,
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
