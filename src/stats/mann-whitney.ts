import { normalUpperTail } from "./distributions.js";

export interface MannWhitneyResult {
  /** U of the first sample: pairs (a, b) with a > b, ties counting one half. */
  u: number;
  /** Two-sided. */
  pValue: number;
  method: "exact" | "normal";
}

/** Largest n1 + n2 for the exact null distribution (counting DP, O(n1 · n2 · (n1 + n2))). */
const EXACT_LIMIT = 40;

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test. Exact when both samples are small and untied;
 * otherwise the normal approximation with tie correction and continuity correction.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("Mann-Whitney needs two non-empty samples");
  const { rankSumA, tieTerm } = rankSums(a, b);
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  if (tieTerm === 0 && n1 + n2 <= EXACT_LIMIT) {
    return { u, pValue: exactTwoSidedP(u, n1, n2), method: "exact" };
  }
  const n = n1 + n2;
  const meanU = (n1 * n2) / 2;
  const varianceU = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (varianceU <= 0) return { u, pValue: 1, method: "normal" };
  const z = Math.max(0, Math.abs(u - meanU) - 0.5) / Math.sqrt(varianceU);
  return { u, pValue: Math.min(1, 2 * normalUpperTail(z)), method: "normal" };
}

/** Rank sum of `a` in the pooled sample (mid-ranks for ties) and Σ(t³ - t) over tie groups. */
function rankSums(a: readonly number[], b: readonly number[]): { rankSumA: number; tieTerm: number } {
  const pooled = [...a.map((v) => ({ v, first: true })), ...b.map((v) => ({ v, first: false }))];
  pooled.sort((x, y) => x.v - y.v);
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < pooled.length; ) {
    let j = i;
    while (j + 1 < pooled.length && pooled[j + 1]!.v === pooled[i]!.v) j++;
    const rank = (i + j + 2) / 2;
    const size = j - i + 1;
    if (size > 1) tieTerm += size ** 3 - size;
    for (let k = i; k <= j; k++) if (pooled[k]!.first) rankSumA += rank;
    i = j + 1;
  }
  return { rankSumA, tieTerm };
}

/** 2 · min(P(U <= u), P(U >= u)) from the exact count of rank arrangements. */
function exactTwoSidedP(u: number, n1: number, n2: number): number {
  const counts = exactUDistribution(n1, n2);
  let total = 0;
  for (const c of counts) total += c;
  let lower = 0;
  let upper = 0;
  for (let k = 0; k < counts.length; k++) {
    if (k <= u) lower += counts[k]!;
    if (k >= u) upper += counts[k]!;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

/** counts[k] = number of arrangements with U = k, by the recurrence f(n1,n2) = f(n1-1,n2) shifted by n2 + f(n1,n2-1). */
function exactUDistribution(n1: number, n2: number): number[] {
  // table[j] holds the distribution for (i, j) while sweeping i upward.
  let table: number[][] = [];
  for (let j = 0; j <= n2; j++) table.push([1]);
  for (let i = 1; i <= n1; i++) {
    const next: number[][] = [[1]];
    for (let j = 1; j <= n2; j++) {
      const withoutB = next[j - 1]!;
      const withoutA = table[j]!;
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      for (let k = 0; k < withoutB.length; k++) row[k]! += withoutB[k]!;
      for (let k = 0; k < withoutA.length; k++) row[k + j]! += withoutA[k]!;
      next.push(row);
    }
    table = next;
  }
  return table[n2]!;
}
