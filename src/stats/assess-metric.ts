import { estimateBaseline } from "./baseline-estimate.js";
import { bootstrapRelativeChange } from "./bootstrap.js";
import { normalCdf, studentTQuantile } from "./distributions.js";
import { testAgainstRuns } from "./run-level-test.js";
import type { ComparisonPolicy, MetricComparison, MetricComparisonInput } from "./types.js";

/** One metric before the verdict: either settled (no test possible) or tested, awaiting FDR adjustment. */
export interface MetricAssessment {
  comparison: MetricComparison;
  tested: boolean;
  /** The configured sigma threshold, and the distance it demands given the run count (see `effectiveSigma`). */
  sigma: number;
  effectiveSigma: number;
  minEffect: number;
}

/** Power used for the test's share of the noise floor. */
const NOISE_FLOOR_POWER = 0.8;

/** Everything about one metric that does not depend on the other metrics of the comparison. */
export function assessMetric(input: MetricComparisonInput, policy: ComparisonPolicy): MetricAssessment {
  const sigma = input.thresholds.sigma ?? policy.sigma;
  const minEffect = input.thresholds.minEffect ?? policy.minEffect;
  const base: MetricComparison = {
    benchmarkId: input.benchmarkId,
    metric: input.metric,
    unit: input.unit,
    direction: input.direction,
    verdict: "unchanged",
    reason: "",
  };
  const settled = (
    verdict: MetricComparison["verdict"],
    reason: string,
    extra: Partial<MetricComparison> = {},
  ) => ({
    comparison: { ...base, ...extra, verdict, reason },
    tested: false,
    sigma,
    effectiveSigma: sigma,
    minEffect,
  });
  const values = input.candidate;
  if (input.candidateFailure !== undefined) return settled("failed", input.candidateFailure);
  if (values.length === 0) return settled("failed", "the candidate produced no values for this metric");
  if (values.some((v) => !Number.isFinite(v)))
    return settled("failed", "the candidate has values that are not finite numbers");
  const candidate = describeCandidate(values, policy.confidence);
  if (input.history.length === 0) {
    return settled("no-baseline", "no accepted baseline runs yet; this run can become the first", {
      candidate,
    });
  }
  if (input.history.length < policy.minBaselineRuns) {
    const runs = input.history.length;
    return settled(
      "inconclusive",
      `baseline has ${runs} run${runs === 1 ? "" : "s"}, needs ${policy.minBaselineRuns}`,
      {
        candidate,
      },
    );
  }
  const estimate = estimateBaseline(input.history, policy.window);
  const baseline = {
    runs: estimate.runs,
    level: estimate.level,
    mean: estimate.mean,
    sigma: estimate.sigma,
    robustSigma: estimate.robustSigma,
  };
  if (estimate.level === 0) {
    return settled("inconclusive", "the baseline level is 0, so a relative change is undefined", {
      candidate,
      baseline,
    });
  }
  const difference = candidate.mean - estimate.level;
  const sideSigma = difference < 0 ? estimate.lowerSigma : estimate.upperSigma;
  const threshold = effectiveSigma(sigma, estimate.runs);
  const scale = Math.abs(estimate.level);
  const test = testAgainstRuns(values, estimate);
  const runEffectSd = Math.sqrt(
    values.length >= 2 || estimate.withinVariance === undefined
      ? estimate.betweenVariance
      : estimate.betweenVariance + estimate.withinVariance,
  );
  const relativeChangeCi = bootstrapRelativeChange(
    { candidate: values, sortedRunMeans: estimate.sortedRunMeans, runEffectSd },
    { resamples: policy.bootstrapResamples, confidence: policy.confidence, seed: policy.seed },
  );
  const detectable =
    (studentTQuantile(1 - policy.fdr / 2, test.df) + studentTQuantile(NOISE_FLOOR_POWER, test.df)) *
    test.standardError;
  const comparison: MetricComparison = {
    ...base,
    baseline,
    candidate,
    relativeChange: difference / scale,
    relativeChangeCi,
    sigmas: difference / sideSigma,
    test: { name: test.name, pValue: test.pValue },
    noiseFloor: Math.max(minEffect, (threshold * sideSigma) / scale, detectable / scale),
  };
  return { comparison, tested: true, sigma, effectiveSigma: threshold, minEffect };
}

/**
 * `sigma` read on a Student-t scale: the distance with the same one-sided tail probability
 * as `sigma` normal sigmas, for a new run judged against k runs whose spread is itself
 * estimated (prediction interval, df = k - 1). 30 runs: 3 -> 3.45; 5 runs: 3 -> 7.9.
 */
export function effectiveSigma(sigma: number, runs: number): number {
  if (runs < 2) return Number.POSITIVE_INFINITY;
  return studentTQuantile(normalCdf(sigma), runs - 1) * Math.sqrt(1 + 1 / runs);
}

function describeCandidate(
  values: readonly number[],
  confidence: number,
): NonNullable<MetricComparison["candidate"]> {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  if (n < 2) return { n, mean, ciLow: mean, ciHigh: mean };
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * Math.sqrt(squares / (n - 1) / n);
  return { n, mean, ciLow: mean - halfWidth, ciHigh: mean + halfWidth };
}
