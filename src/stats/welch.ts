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
 * third, the between-run variance, so a run's own drift is not mistaken for a change.
 */
export function satterthwaiteTTest(difference: number, terms: readonly VarianceTerm[]): TTestResult {
  let total = 0;
  let denominator = 0;
  for (const term of terms) {
    total += term.variance;
    if (term.variance > 0) denominator += (term.variance * term.variance) / term.df;
  }
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

/** Welch's unequal-variance t test of mean(a) - mean(b); each sample needs two values or more. */
export function welchTTest(a: readonly number[], b: readonly number[]): TTestResult {
  const [meanA, varA] = meanAndVariance(a);
  const [meanB, varB] = meanAndVariance(b);
  return satterthwaiteTTest(meanA - meanB, [
    { variance: varA / a.length, df: a.length - 1 },
    { variance: varB / b.length, df: b.length - 1 },
  ]);
}

function meanAndVariance(values: readonly number[]): [number, number] {
  if (values.length < 2) throw new RangeError("a t test needs at least two values per sample");
  let sum = 0;
  for (const v of values) sum += v;
  const m = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return [m, squares / (values.length - 1)];
}
