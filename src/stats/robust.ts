import { median, medianAbsoluteDeviation } from "simple-statistics";

/** Scales the MAD to the standard deviation of normal data (1 / Φ⁻¹(0.75)). */
export const MAD_TO_SIGMA = 1.4826;

/** The MAD-based estimate of sigma: unmoved by a minority of outliers. */
export function robustSigma(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return MAD_TO_SIGMA * medianAbsoluteDeviation(values as number[]);
}

/**
 * True when a sample of at least 5 values has a point more than `limit` robust sigmas from its
 * median: the sign that a mean-based test would be dragged by one value, so a rank test is safer.
 */
export function hasOutliers(values: readonly number[], limit = 4.5): boolean {
  if (values.length < 5) return false;
  const center = median(values as number[]);
  const spread = robustSigma(values);
  if (spread === 0) return values.some((v) => v !== center);
  return values.some((v) => Math.abs(v - center) > limit * spread);
}
