import type { MetricAssessment } from "./assess-metric.js";
import { formatPercent, formatRelativeChange } from "./format.js";
import type { ComparisonPolicy, MetricComparison } from "./types.js";

/**
 * The gate's rule: a change is called only when all three agree —
 * (a) the run-level test, after Benjamini-Hochberg adjustment, is below the FDR;
 * (b) the candidate is at least `sigma` robust sigmas of run-to-run spread from the level;
 * (c) the relative change is at least `minEffect`.
 */
export function decideVerdict(
  assessment: MetricAssessment,
  adjustedPValue: number,
  policy: ComparisonPolicy,
): MetricComparison {
  const { comparison, effectiveSigma, minEffect } = assessment;
  const relative = comparison.relativeChange ?? 0;
  const sigmas = comparison.sigmas ?? 0;
  const test = { ...comparison.test!, adjustedPValue };
  const change = formatRelativeChange(comparison, policy.confidence);
  const significant = adjustedPValue < policy.fdr;
  const farEnough = Math.abs(sigmas) >= effectiveSigma;
  const bigEnough = Math.abs(relative) >= minEffect;
  const suspicious = isNearThreshold(adjustedPValue, sigmas, relative, assessment, policy);
  const result = { ...comparison, test, suspicious };
  const distance = `${Math.abs(sigmas).toFixed(1)} robust sigmas from the level of ${comparison.baseline!.runs} runs`;
  const evidence = `${change}: ${distance}, ${test.name} p = ${formatP(adjustedPValue)} (FDR-adjusted)`;
  if (significant && farEnough && bigEnough) {
    const larger = relative > 0;
    if (comparison.direction === "unknown") {
      return {
        ...result,
        verdict: "inconclusive",
        reason: `direction unknown: changed by ${formatPercent(relative)}, set direction (${evidence})`,
      };
    }
    const worse = comparison.direction === "higher_is_better" ? !larger : larger;
    return { ...result, verdict: worse ? "regression" : "improvement", reason: evidence };
  }
  let why: string;
  if (!bigEnough) why = `below the ${formatPercent(minEffect).replace("+", "")} minimum effect`;
  else if (!farEnough) {
    why = `within the ${effectiveSigma.toFixed(1)} robust sigmas of run-to-run spread that ${comparison.baseline!.runs} runs demand (${distance})`;
  } else
    why = `not significant: ${test.name} p = ${formatP(adjustedPValue)} after FDR adjustment, needs < ${policy.fdr}`;
  return { ...result, verdict: "unchanged", reason: `${change} is ${why}` };
}

/**
 * Near the threshold: big enough to matter, and either almost significant or past all three
 * thresholds without a wide margin (p < fdr/10, 1.5x the sigma distance and the minimum effect). More repetitions would likely settle it, so callers may confirm.
 */
function isNearThreshold(
  adjustedPValue: number,
  sigmas: number,
  relative: number,
  assessment: MetricAssessment,
  policy: ComparisonPolicy,
): boolean {
  if (Math.abs(relative) < assessment.minEffect) return false;
  const near = adjustedPValue < 2 * policy.fdr && Math.abs(sigmas) >= 0.75 * assessment.effectiveSigma;
  const decisive =
    adjustedPValue < policy.fdr / 10 &&
    Math.abs(sigmas) >= 1.5 * assessment.effectiveSigma &&
    Math.abs(relative) >= 1.5 * assessment.minEffect;
  // Past the sigma rule and the minimum effect, held back only by the test: a few more
  // repetitions are what settles it (typical with few repetitions among many metrics).
  const underpowered =
    adjustedPValue >= policy.fdr &&
    Math.abs(sigmas) >= assessment.effectiveSigma &&
    Math.abs(relative) >= assessment.minEffect;
  return (near && !decisive) || underpowered;
}

function formatP(p: number): string {
  if (p < 0.0001) return "< 0.0001";
  return p.toFixed(4);
}
