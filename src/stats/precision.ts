import { studentTQuantile } from "./distributions.js";

/**
 * For `repetitions = "auto"`: whether the confidence interval of the mean is narrow enough.
 * `halfWidth` is relative to |mean| (0.01 = ±1%); Infinity with fewer than two values or a zero mean.
 *
 * @example
 * precisionReached([100, 101, 99, 100], 0.01, 0.95); // { reached: false, halfWidth: 0.0130 }: ±1.3% is wider than ±1%
 */
export function precisionReached(
  values: readonly number[],
  targetPrecision: number,
  confidence = 0.95,
): { reached: boolean; halfWidth: number } {
  const n = values.length;
  if (n < 2) return { reached: false, halfWidth: Number.POSITIVE_INFINITY };
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  if (mean === 0) return { reached: false, halfWidth: Number.POSITIVE_INFINITY };
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const standardError = Math.sqrt(squares / (n - 1) / n);
  const halfWidth = (studentTQuantile(1 - (1 - confidence) / 2, n - 1) * standardError) / Math.abs(mean);
  return { reached: halfWidth <= targetPrecision, halfWidth };
}
