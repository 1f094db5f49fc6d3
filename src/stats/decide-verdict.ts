import type { TestedMetric } from "./assess-metric.js";
import { adviseDecision } from "./decision-advice.js";
import { formatPercent, formatRelativeChange } from "./format.js";
import type { ComparisonPolicy, MetricComparison } from "./types.js";

/**
 * The verdict of a tested metric. A change is called (regression / improvement) only when
 * three rules agree:
 *   (a) the run-level test is significant: p < alpha, and p < fdr after Benjamini-Hochberg
 *       within the benchmark;
 *   (b) the change is at least `sigma` robust sigmas of run-to-run spread;
 *   (c) the change is at least `minEffect`.
 * Otherwise "unchanged" needs evidence of no change that matters: the confidence interval
 * lies within ±minEffect, or the test had the power to see the minimum effect (noise floor
 * at the minimum effect) and saw nothing. Anything else is "inconclusive", with what would
 * decide it; an interval that excludes zero by more than the minimum effect is never
 * "unchanged".
 */
export function decideVerdict(
  comparison: MetricComparison,
  tested: TestedMetric,
  adjustedPValue: number,
  policy: ComparisonPolicy,
): MetricComparison {
  const { minEffect, sigma } = tested;
  const relative = comparison.relativeChange!;
  const [low, high] = comparison.relativeChangeCi!;
  const sigmas = comparison.sigmas!;
  const test = { ...comparison.test!, adjustedPValue };
  const change = formatRelativeChange(comparison, policy.confidence);
  const strength = Math.max(test.pValue / policy.alpha, adjustedPValue / policy.fdr);
  const significant = strength < 1;
  const farEnough = Math.abs(sigmas) >= sigma;
  const bigEnough = Math.abs(relative) >= minEffect;
  const suspicious = isNearThreshold(strength, sigmas, relative, tested);
  const result = { ...comparison, test, suspicious };
  const runs = comparison.baseline!.runs;
  const distance = `${Math.abs(sigmas).toFixed(1)} robust sigmas from the level of ${runs} runs`;
  const pText =
    adjustedPValue === test.pValue
      ? `p ${formatP(test.pValue)}`
      : `p ${formatP(test.pValue)}, ${formatP(adjustedPValue).replace("= ", "")} after FDR within the benchmark`;
  const evidence = `${change}: ${distance}, ${pText}`;
  const bound = formatPercent(minEffect).replace("+", "");

  if (significant && farEnough && bigEnough) {
    if (comparison.direction === "unknown") {
      return {
        ...result,
        verdict: "inconclusive",
        reason: `direction unknown: changed by ${formatPercent(relative)}, set direction (${evidence})`,
        advice: "set `direction` for this metric in the descriptor",
      };
    }
    const larger = relative > 0;
    const worse = comparison.direction === "higher_is_better" ? !larger : larger;
    return { ...result, verdict: worse ? "regression" : "improvement", reason: evidence };
  }

  const withinMinEffect = low > -minEffect && high < minEffect;
  const beyondMinEffect = low >= minEffect || high <= -minEffect;
  // Powered: this baseline calls any change of the minimum effect 4 times in 5 (noise floor at
  // the minimum effect), so a change it did not call is smaller than what matters.
  const powered = (comparison.noiseFloor ?? Number.POSITIVE_INFINITY) <= minEffect;
  if (withinMinEffect) {
    return { ...result, verdict: "unchanged", reason: `${change} is within the ±${bound} minimum effect` };
  }
  if (powered && !beyondMinEffect) {
    const seen = significant ? `smaller than the ${bound} minimum effect` : `no change found (${pText})`;
    return {
      ...result,
      verdict: "unchanged",
      reason: `${change}: ${seen}, and this baseline catches ±${bound}`,
    };
  }
  let why: string;
  if (!significant) why = `not significant: ${pText}, needs p < ${policy.alpha}`;
  else if (!bigEnough)
    why = `significant but smaller than the ${bound} minimum effect, with an interval too wide to rule it out`;
  else
    why = `significant, but within the ${sigma} robust sigmas of run-to-run spread the gate demands (${distance})`;
  const advice = adviseDecision({
    estimate: tested.estimate,
    repetitions: tested.repetitions,
    difference: tested.test.difference,
    minEffectDifference: tested.minEffectDifference,
    sigmaDistance: tested.sigmaDistance,
    alpha: policy.alpha,
    power: policy.power,
  });
  return { ...result, verdict: "inconclusive", reason: `${change}: cannot tell, ${why}; ${advice}`, advice };
}

/**
 * Near the threshold: big enough to matter, and either almost significant or past all three
 * rules without a wide margin; or past the sigma rule and the minimum effect but not (yet)
 * significant. Only when more repetitions can settle it (the candidate's repetitions carry a
 * quarter of the variance or more; run-to-run drift is not shrunk by repetitions), so callers
 * may confirm.
 */
function isNearThreshold(strength: number, sigmas: number, relative: number, tested: TestedMetric): boolean {
  if (Math.abs(relative) < tested.minEffect || tested.test.repetitionShare < 0.25) return false;
  const near = strength < 2 && Math.abs(sigmas) >= 0.75 * tested.sigma;
  const decisive =
    strength < 0.1 && Math.abs(sigmas) >= 1.5 * tested.sigma && Math.abs(relative) >= 1.5 * tested.minEffect;
  const underpowered = strength >= 1 && Math.abs(sigmas) >= tested.sigma;
  return (near && !decisive) || underpowered;
}

/** "= 0.0123" or "< 0.0001", to follow a "p". */
function formatP(p: number): string {
  if (p < 0.0001) return "< 0.0001";
  return `= ${p.toFixed(4)}`;
}
