// asv's regression rule (asv/step_detect.py detect_regressions, BSD-3), re-implemented from its
// documented behaviour for comparison: walking the step fit backwards from the latest segment, an
// upward step is a regression when the later best level exceeds the earlier level by more than
// max(both segments' L1 error, threshold · level); a short segment (under `minSize` points) that
// the level returns from is dropped. Reports the first point of each regressed regime.
import { asvSteps, type Step } from "./asv-step-fit.js";

export function asvRegressionPositions(steps: readonly Step[], threshold = 0.05, minSize = 2): number[] {
  if (steps.length === 0) return [];
  const positions: number[] = [];
  const last = steps[steps.length - 1]!;
  let bestValue = last.value;
  let bestError = last.error;
  let previousLeft: number | undefined;
  let shortPrevious: [number, number] | undefined;
  for (let i = steps.length - 1; i >= 0; i--) {
    const { left, right, value, error } = steps[i]!;
    const margin = Math.max(error, bestError, threshold * value);
    if (bestValue > value + margin) {
      if (right - left < minSize) shortPrevious = [bestValue, bestError];
      positions.push(previousLeft!);
      bestValue = value;
      bestError = error;
    } else if (shortPrevious !== undefined) {
      if (shortPrevious[0] <= value + margin) {
        positions.pop();
        [bestValue, bestError] = shortPrevious;
      }
      shortPrevious = undefined;
    }
    previousLeft = left;
  }
  return positions.reverse();
}

/**
 * asv's rule in both directions: on the series (a rise is a regression, as for timings) and on its
 * reciprocal (a fall, as for throughputs), since the labelled sets do not say which is worse.
 */
export function asvRegressionRule(y: readonly number[], threshold = 0.05): number[] {
  const up = asvRegressionPositions(asvSteps(y), threshold);
  const positive = y.every((v) => v > 0);
  const flipped = positive ? y.map((v) => 1 / v) : y.map((v) => -v);
  const down = asvRegressionPositions(asvSteps(flipped), threshold);
  return [...new Set([...up, ...down])].sort((a, b) => a - b);
}
