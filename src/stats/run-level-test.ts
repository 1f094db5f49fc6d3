import type { BaselineEstimate } from "./baseline-estimate.js";
import { fisherUpperTail } from "./distributions.js";
import { satterthwaiteTTest, type VarianceTerm } from "./welch.js";

export interface RunLevelTest {
  /** "prediction-t"; "robust-prediction-t" when outlier runs were set aside. */
  name: "prediction-t" | "robust-prediction-t";
  /** Candidate minus baseline centre, on the analysis scale. */
  difference: number;
  /** Two-sided. */
  pValue: number;
  /** Standard error of the difference and its degrees of freedom. */
  standardError: number;
  df: number;
  /** True when the candidate's repetitions are significantly noisier than the baseline's (their own variance was used). */
  noisierCandidate: boolean;
  /** Share of the variance that the candidate's repetitions contribute: what more repetitions can shrink. */
  repetitionShare: number;
}

/** A candidate noisier than this (F test, one-sided) brings its own within-run variance. */
const NOISIER_CANDIDATE_P = 0.01;

/**
 * Is one new run (the candidate) from the same population as the baseline's runs? The
 * prediction t test of a two-level model: the variance of the difference is the error of the
 * baseline centre plus the variance of one new run mean, and a run mean varies with the run's
 * own drift (between-run variance) and its repetitions' noise (within-run variance / n):
 *
 *   Var = spread²·c + spread² + within·(1/n - 1/m)
 *
 * where spread² is the variance of the baseline's run means (they already carry within/m),
 * c = 1/k (π/2k for a median) and m the baseline's repetitions per run. With n = m this is
 * the exact prediction interval of a new observation, t with k - 1 degrees of freedom, valid
 * whatever the share of drift; Satterthwaite's df otherwise. Repetitions cannot add degrees of
 * freedom to the drift term without assuming the drift is small (pooled tests reach 3-4% false
 * alarms at a nominal 1% with 3 runs: docs/statistics.md), so they enter only where they are
 * the honest source: the candidate's own noise and a floor (a run mean never varies less than
 * its repetitions allow). The variance always comes from the baseline history, so p-values are
 * not capped by a handful of candidate repetitions, unless the candidate is significantly
 * noisier than the baseline (F test at 1%): then its own variance is used.
 */
export function testAgainstRuns(candidate: readonly number[], baseline: BaselineEstimate): RunLevelTest {
  const scale = baseline.scale;
  const n = candidate.length;
  let mean = 0;
  for (const v of candidate) mean += v;
  mean /= n;
  const difference = scale.forward(mean) - baseline.center;

  const spreadSquared = baseline.spread * baseline.spread;
  const terms: VarianceTerm[] = [
    { variance: spreadSquared * (1 + baseline.centerVarianceFactor), df: baseline.spreadDf },
  ];
  const within = baseline.withinVariance;
  let noisierCandidate = false;
  let candidateWithin = within;
  if (n >= 2 && within !== undefined) {
    const own = scale.withinVariance(mean, sampleSd(candidate, mean));
    if (own > within && fisherUpperTail(own / within, n - 1, baseline.withinDf) < NOISIER_CANDIDATE_P) {
      noisierCandidate = true;
      candidateWithin = own;
      terms.push({ variance: own / n, df: n - 1 });
      terms.push({ variance: -within / baseline.meanRepetitions, df: baseline.withinDf });
    }
  }
  if (!noisierCandidate && within !== undefined && n !== baseline.meanRepetitions) {
    terms.push({ variance: within * (1 / n - 1 / baseline.meanRepetitions), df: baseline.withinDf });
  }
  let total = 0;
  for (const term of terms) total += term.variance;
  // A run mean never varies less than its own repetitions allow, nor the centre less than k such runs.
  const minimum =
    within === undefined || candidateWithin === undefined
      ? 0
      : candidateWithin / n + (within / baseline.meanRepetitions) * baseline.centerVarianceFactor;
  const variance = Math.max(total, minimum);
  const t = satterthwaiteTTest(difference, terms, variance);
  return {
    name: baseline.outlierRuns.length > 0 ? "robust-prediction-t" : "prediction-t",
    difference,
    pValue: t.pValue,
    standardError: Math.sqrt(variance),
    df: t.df,
    noisierCandidate,
    repetitionShare: candidateWithin === undefined || variance === 0 ? 0 : candidateWithin / n / variance,
  };
}

function sampleSd(values: readonly number[], mean: number): number {
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
