import { medianAbsoluteDeviation } from "simple-statistics";

/** Scales the MAD to the standard deviation of normal data (1 / Φ⁻¹(0.75)). */
export const MAD_TO_SIGMA = 1.4826;

/** The MAD-based estimate of sigma: unmoved by a minority of outliers. */
export function robustSigma(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return MAD_TO_SIGMA * medianAbsoluteDeviation(values as number[]);
}
