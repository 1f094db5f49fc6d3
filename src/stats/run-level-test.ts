import type { BaselineEstimate } from "./baseline-estimate.js";
import { mannWhitneyU } from "./mann-whitney.js";
import { RELATIVE_SPREAD_FLOOR } from "./policy.js";
import { hasOutliers } from "./robust.js";
import { satterthwaiteTTest, type VarianceTerm } from "./welch.js";

export interface RunLevelTest {
  name: "welch-t" | "mann-whitney-u" | "sigma-rule";
  /** Two-sided. */
  pValue: number;
  /** Standard error of the difference and its degrees of freedom, for the noise floor. */
  standardError: number;
  df: number;
}

/**
 * Tests the candidate run against the baseline's runs. The unit is the run: the baseline is its
 * run means, never its pooled repetitions, and the candidate's mean carries the between-run
 * variance the baseline shows, because one run on a shared runner drifts as a whole.
 *
 * - one candidate value: "sigma-rule", the prediction t test of a new run mean (df k - 1);
 * - outliers (beyond 4.5 robust sigmas) in the run means or in 5+ candidate repetitions:
 *   "mann-whitney-u" between the candidate's repetitions and the run means, whose p-value is
 *   the larger of the rank test's and the run-level t test's (both must reject);
 * - otherwise "welch-t": Welch's test with a third, between-run variance term (Satterthwaite df).
 */
export function testAgainstRuns(candidate: readonly number[], baseline: BaselineEstimate): RunLevelTest {
  const n = candidate.length;
  let candidateMean = 0;
  for (const v of candidate) candidateMean += v;
  candidateMean /= n;
  const t = runLevelT(candidate, candidateMean, baseline, baseline.mean, baseline.sigma);
  if (n >= 2 && (hasOutliers(baseline.runMeans) || hasOutliers(candidate))) {
    // The rank test sees only the candidate's own repetitions, not its run's drift, so it may
    // veto a change but never call one alone: the run-level t must agree, on robust estimates
    // (median and MAD of run means) so the outlier that chose this path cannot blunt it.
    const robust = runLevelT(candidate, candidateMean, baseline, baseline.level, baseline.robustSigma);
    const rank = mannWhitneyU(candidate, baseline.runMeans);
    return {
      name: "mann-whitney-u",
      pValue: Math.max(rank.pValue, robust.pValue),
      standardError: robust.standardError,
      df: robust.df,
    };
  }
  return { name: n >= 2 ? "welch-t" : "sigma-rule", ...t };
}

/**
 * The candidate's mean against the baseline's `center`, with the variance of a difference of one
 * new run and k runs: the baseline's error (spread²/k), the new run's own offset (between-run
 * variance) and its within-run noise over its repetitions. Within-run noise is the baseline's
 * pooled estimate unless the candidate's own is larger: a lucky, tight candidate with 2 df must
 * not shrink the error.
 */
function runLevelT(
  candidate: readonly number[],
  candidateMean: number,
  baseline: BaselineEstimate,
  center: number,
  spread: number,
): { pValue: number; standardError: number; df: number } {
  const n = candidate.length;
  const k = baseline.runs;
  const terms: VarianceTerm[] = [{ variance: (spread * spread) / k, df: k - 1 }];
  const within = baseline.withinVariance;
  if (within === undefined) {
    // No within-run noise known: a new run mean varies like any baseline run mean.
    terms.push({ variance: spread * spread, df: k - 1 });
  } else {
    terms.push({ variance: Math.max(0, spread * spread - within / baseline.meanRepetitions), df: k - 1 });
    const own = n >= 2 ? sampleVariance(candidate, candidateMean) : 0;
    terms.push(
      own > within ? { variance: own / n, df: n - 1 } : { variance: within / n, df: baseline.withinDf },
    );
  }
  const floor = RELATIVE_SPREAD_FLOOR * Math.abs(baseline.level);
  const total = terms.reduce((sum, term) => sum + term.variance, 0);
  if (total < floor * floor) terms.push({ variance: floor * floor - total, df: 1e9 });
  const t = satterthwaiteTTest(candidateMean - center, terms);
  return { pValue: t.pValue, standardError: Math.sqrt(Math.max(total, floor * floor)), df: t.df };
}

function sampleVariance(values: readonly number[], mean: number): number {
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return squares / (values.length - 1);
}
