import { fastMedian } from "../fast-median.js";

/** A step's size and evidence, judged on the points around it. */
export interface LocalStep {
  /** Step size on the analysis scale with the local trend removed, and its t statistic. */
  step: number;
  t: number;
  /** Step size as a plain difference of the two windows' means, and of the two segments' medians. */
  plainStep: number;
  medianStep: number;
}

/**
 * Fits y = a + b·(i - at) + step·[i >= at] to the `window` points on each side of `at` (within
 * the neighbouring changes) by least squares, and states the step's t with the long-run noise
 * scale: a slow drift gives a steep b and no step; a real step gives a step whatever the trend.
 */
export function localStep(
  values: readonly number[],
  at: number,
  bounds: { from: number; to: number },
  window: number,
  longRunSigma: number,
): LocalStep {
  const from = Math.max(bounds.from, at - window);
  const to = Math.min(bounds.to, at + window);
  // Normal equations of the three-column design [1, i - at, [i >= at]].
  let n = 0;
  let sx = 0;
  let sxx = 0;
  let sd = 0;
  let sxd = 0;
  let sy = 0;
  let sxy = 0;
  let sdy = 0;
  let left = 0;
  let leftSum = 0;
  let rightSum = 0;
  for (let i = from; i < to; i++) {
    const x = i - at;
    const d = i >= at ? 1 : 0;
    const y = values[i]!;
    n++;
    sx += x;
    sxx += x * x;
    sd += d;
    sxd += x * d;
    sy += y;
    sxy += x * y;
    sdy += d * y;
    if (d === 0) {
      left++;
      leftSum += y;
    } else rightSum += y;
  }
  const right = n - left;
  const plainStep = right > 0 && left > 0 ? rightSum / right - leftSum / left : 0;
  // Medians over the whole neighbouring segments: the change a reader is told about.
  const medianStep =
    right > 0 && left > 0 ? fastMedian(values, at, bounds.to) - fastMedian(values, bounds.from, at) : 0;
  const matrix = [
    [n, sx, sd],
    [sx, sxx, sxd],
    [sd, sxd, sd],
  ];
  const inverse = invert3(matrix);
  if (inverse === undefined || longRunSigma <= 0) return { step: plainStep, t: 0, plainStep, medianStep };
  const rhs = [sy, sxy, sdy];
  const step = inverse[2]![0]! * rhs[0]! + inverse[2]![1]! * rhs[1]! + inverse[2]![2]! * rhs[2]!;
  const standardError = longRunSigma * Math.sqrt(Math.max(inverse[2]![2]!, 0));
  return { step, t: standardError > 0 ? step / standardError : 0, plainStep, medianStep };
}

function invert3(m: number[][]): number[][] | undefined {
  const [a, b, c] = m[0]!;
  const [d, e, f] = m[1]!;
  const [g, h, k] = m[2]!;
  const A = e! * k! - f! * h!;
  const B = -(d! * k! - f! * g!);
  const C = d! * h! - e! * g!;
  const det = a! * A + b! * B + c! * C;
  if (Math.abs(det) < 1e-12) return undefined;
  return [
    [A / det, -(b! * k! - c! * h!) / det, (b! * f! - c! * e!) / det],
    [B / det, (a! * k! - c! * g!) / det, -(a! * f! - c! * d!) / det],
    [C / det, -(a! * h! - b! * g!) / det, (a! * e! - b! * d!) / det],
  ];
}
