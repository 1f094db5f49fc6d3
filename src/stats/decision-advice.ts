import type { BaselineEstimate } from "./baseline-estimate.js";
import { studentTQuantile } from "./distributions.js";
import { formatPercent } from "./format.js";

/** The largest baseline an advice considers; beyond it the answer is "a quieter machine". */
const MOST_RUNS = 200;

export interface AdviceInput {
  estimate: BaselineEstimate;
  /** Candidate repetitions. */
  repetitions: number;
  /** Observed difference on the analysis scale. */
  difference: number;
  /** Thresholds on the analysis scale: the minimum effect and the sigma rule's distance on the change's side. */
  minEffectDifference: number;
  sigmaDistance: number;
  alpha: number;
  power: number;
}

/**
 * What would turn an `inconclusive` into a verdict, in one sentence: how many baseline runs
 * (at the spread this baseline shows) would let the test call a change of the observed size,
 * or show that it is within the minimum effect; or that no number of runs will, because one
 * run's own drift is larger than the change (only a quieter machine helps).
 */
export function adviseDecision(input: AdviceInput): string {
  const { estimate } = input;
  const observed = Math.abs(input.difference);
  const spread = percentOf(estimate, estimate.spread);
  if (observed >= input.minEffectDifference) {
    if (input.sigmaDistance > observed) {
      return `one run drifts by about ±${spread} on this machine, so a change this size is within the sigma rule; more baseline runs (if they show a smaller spread) or a quieter machine would decide it`;
    }
    const runs = runsNeeded(input, (k) => critical(input, k, 0) <= observed);
    return runs === undefined
      ? `even ${MOST_RUNS} baseline runs would not settle it at ±${spread} run-to-run spread; a quieter machine would`
      : `about ${runs} baseline runs at this spread (±${spread} per run) would decide a change this size; it has ${estimate.runs}`;
  }
  const bound = formatPercent(estimate.scale.relative(input.minEffectDifference, estimate.level)).replace(
    "+",
    "",
  );
  if (input.sigmaDistance > input.minEffectDifference) {
    return `one run drifts by about ±${spread} on this machine, more than a ${bound} minimum effect can be told from; a quieter machine or a larger min_effect would decide it`;
  }
  const runs = runsNeeded(input, (k) => critical(input, k, input.power) <= input.minEffectDifference);
  return runs === undefined
    ? `one run's own drift (±${spread}) keeps changes under ${bound} out of reach; more repetitions per run or a quieter machine would decide it`
    : `about ${runs} baseline runs at this spread (±${spread} per run) would show whether it is within ${bound}; it has ${estimate.runs}`;
}

/**
 * Smallest run count above the current one that satisfies `enough`, if any up to MOST_RUNS.
 * `enough` only ever turns true as runs grow (the distance needed shrinks), so bisect.
 */
function runsNeeded(input: AdviceInput, enough: (runs: number) => boolean): number | undefined {
  let low = input.estimate.runs + 1;
  let high = MOST_RUNS;
  if (low > high || !enough(high)) return undefined;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (enough(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The distance the test needs with `runs` baseline runs of the same spread (power 0: the
 * critical value; power p: the change it catches with probability p).
 */
function critical(input: AdviceInput, runs: number, power: number): number {
  const { estimate } = input;
  const within = estimate.withinVariance ?? 0;
  const variance = Math.max(
    estimate.spread ** 2 * (1 + 1 / runs) + within * (1 / input.repetitions - 1 / estimate.meanRepetitions),
    within / input.repetitions,
  );
  const df = Math.max(1, runs - 1);
  const z = studentTQuantile(1 - input.alpha / 2, df) + (power > 0 ? studentTQuantile(power, df) : 0);
  return z * Math.sqrt(variance);
}

function percentOf(estimate: BaselineEstimate, difference: number): string {
  return formatPercent(estimate.scale.relative(difference, estimate.level)).replace("+", "");
}
