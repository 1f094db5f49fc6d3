import { chooseScale } from "./analysis-scale.js";
import { type BaselineEstimate, estimateBaseline } from "./baseline-estimate.js";
import { studentTQuantile } from "./distributions.js";
import { type RunLevelTest, testAgainstRuns } from "./run-level-test.js";
import type { ComparisonPolicy, MetricComparison, MetricComparisonInput } from "./types.js";

/** Everything the verdict needs about a metric that was tested. */
export interface TestedMetric {
  estimate: BaselineEstimate;
  test: RunLevelTest;
  repetitions: number;
  /** The thresholds in force, and on the analysis scale on the side of the change. */
  sigma: number;
  minEffect: number;
  minEffectDifference: number;
  sigmaDistance: number;
}

/** One metric before the verdict: settled (no test possible) or tested, awaiting the FDR adjustment. */
export interface MetricAssessment {
  comparison: MetricComparison;
  family: string;
  tested?: TestedMetric;
}

/** Everything about one metric that does not depend on the other metrics of the comparison. */
export function assessMetric(input: MetricComparisonInput, policy: ComparisonPolicy): MetricAssessment {
  const sigma = input.thresholds.sigma ?? policy.sigma;
  const minEffect = input.thresholds.minEffect ?? policy.minEffect;
  const family = input.family ?? input.benchmarkId;
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
  ): MetricAssessment => ({ comparison: { ...base, ...extra, verdict, reason }, family });
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
        advice: `run the benchmark ${policy.minBaselineRuns - runs} more time(s) and fold the runs into the baseline`,
      },
    );
  }
  const recent = input.history.slice(-Math.max(1, policy.window));
  const scale = chooseScale(
    recent.map((r) => r.summary.mean),
    values,
  );
  const estimate = estimateBaseline(recent, policy.window, scale);
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
  const test = testAgainstRuns(values, estimate);
  const sideSpread = test.difference < 0 ? estimate.lowerSpread : estimate.upperSpread;
  const halfWidth = studentTQuantile(1 - (1 - policy.confidence) / 2, test.df) * test.standardError;
  const toRelative = (difference: number) => scale.relative(difference, estimate.level);
  const detectable =
    (studentTQuantile(1 - policy.alpha / 2, test.df) + studentTQuantile(policy.power, test.df)) *
    test.standardError;
  const minEffectDifference = scale.difference(minEffect, estimate.level);
  const comparison: MetricComparison = {
    ...base,
    baseline,
    candidate,
    relativeChange: toRelative(test.difference),
    relativeChangeCi: [toRelative(test.difference - halfWidth), toRelative(test.difference + halfWidth)],
    scale: scale.kind,
    sigmas: test.difference / sideSpread,
    test: { name: test.name, pValue: test.pValue, df: test.df },
    noiseFloor: Math.max(minEffect, toRelative(sigma * sideSpread), toRelative(detectable)),
  };
  return {
    comparison,
    family,
    tested: {
      estimate,
      test,
      repetitions: values.length,
      sigma,
      minEffect,
      minEffectDifference,
      sigmaDistance: sigma * sideSpread,
    },
  };
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
