import { studentTTwoSidedP } from "./distributions.js";

/** One variance component of a difference of means, with the degrees of freedom of its estimate. */
export interface VarianceTerm {
  variance: number;
  df: number;
}

export interface TTestResult {
  t: number;
  df: number;
  /** Two-sided. */
  pValue: number;
}

/**
 * t test of a difference whose variance is a sum of estimated terms, with Welch-Satterthwaite
 * degrees of freedom. Welch's two-sample test is the case of two terms s²/n; the gate adds a
 * third, the between-run variance, so a run's own drift is not mistaken for a change. A term may
 * be negative (an estimate minus another); `varianceOverride` replaces the sum in the statistic
 * (a floored variance) while the degrees of freedom still come from the terms.
 */
export function satterthwaiteTTest(
  difference: number,
  terms: readonly VarianceTerm[],
  varianceOverride?: number,
): TTestResult {
  let sum = 0;
  let denominator = 0;
  for (const term of terms) {
    sum += term.variance;
    if (term.variance !== 0) denominator += (term.variance * term.variance) / term.df;
  }
  const total = varianceOverride ?? sum;
  if (total <= 0) {
    return {
      t: difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY,
      df: 1,
      pValue: difference === 0 ? 1 : 0,
    };
  }
  const df = denominator > 0 ? (total * total) / denominator : 1;
  const t = difference / Math.sqrt(total);
  return { t, df, pValue: studentTTwoSidedP(t, df) };
}
