import { describe, expect, test } from "vitest";
import { adjustBenjaminiHochberg } from "../../src/stats/benjamini-hochberg.js";
import { mannWhitneyU } from "../../src/stats/mann-whitney.js";
import { robustSigma } from "../../src/stats/robust.js";
import { summarize } from "../../src/stats/summary.js";
import { welchTTest } from "../../src/stats/welch.js";

describe("Welch's t test", () => {
  const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

  // Wikipedia "Welch's t-test", example 1; scipy.stats.ttest_ind(equal_var=False): t = -2.45536, df = 24.98853, p = 0.021378.
  test("reproduces the Wikipedia example 1 (t = -2.455, df = 24.99, p = 0.0214)", () => {
    const result = welchTTest(a, b);
    expect(result.t).toBeCloseTo(-2.45536, 4);
    expect(result.df).toBeCloseTo(24.98853, 4);
    expect(result.pValue).toBeCloseTo(0.021378, 5);
  });

  test("Satterthwaite df equals n1 + n2 - 2 for equal sizes and variances", () => {
    const result = welchTTest([1, 2, 3, 4], [2, 3, 4, 5]);
    expect(result.df).toBeCloseTo(6, 10);
    // Pooled t: (2.5 - 3.5) / sqrt(1.6667/4 + 1.6667/4) = -1.0954
    expect(result.t).toBeCloseTo(-1.0954, 4);
  });
});

describe("Mann-Whitney U", () => {
  test("counts U as the pairs won by the first sample", () => {
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6]).u).toBe(0);
    expect(mannWhitneyU([4, 5, 6], [1, 2, 3]).u).toBe(9);
  });

  test("the exact p of complete separation of 3 vs 3 is 2/20", () => {
    const result = mannWhitneyU([1, 2, 3], [4, 5, 6]);
    expect(result.method).toBe("exact");
    expect(result.pValue).toBeCloseTo(0.1, 12);
  });

  test("the exact p of 5 vs 5 with U = 2 is 2 · 4/252 (U = 0, 1, 2, 2 arrangements: 1 + 1 + 2)", () => {
    const result = mannWhitneyU([1, 2, 3, 4, 7], [5, 6, 8, 9, 10]);
    expect(result.u).toBe(2);
    expect(result.pValue).toBeCloseTo(8 / 252, 12);
  });

  test("with ties it uses the tie-corrected normal approximation", () => {
    // scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=True): U = 1.5, p = 0.0087328.
    const result = mannWhitneyU([1, 2, 2, 3, 3, 3], [3, 4, 4, 5, 5, 6]);
    expect(result.method).toBe("normal");
    expect(result.u).toBe(1.5);
    expect(result.pValue).toBeCloseTo(0.0087328, 6);
  });
});

describe("Benjamini-Hochberg", () => {
  test("adjusts the textbook example (Benjamini & Hochberg 1995 style, q = 0.05)", () => {
    const p = [0.01, 0.04, 0.03, 0.005];
    // sorted: 0.005 (x4/1 = 0.02), 0.01 (x4/2 = 0.02), 0.03 (x4/3 = 0.04), 0.04 (x4/4 = 0.04)
    expect(adjustBenjaminiHochberg(p)).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  test("keeps adjusted p-values monotone in the raw ones", () => {
    const adjusted = adjustBenjaminiHochberg([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]);
    expect(adjusted.map((p) => Number(p.toFixed(4)))).toEqual([
      0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.0846, 0.205,
    ]);
  });
});

describe("robust spread and summaries", () => {
  test("MAD sigma of 1..9 is 1.4826 * 2", () => {
    expect(robustSigma([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBeCloseTo(2.9652, 10);
  });

  test("one wild value barely moves the MAD sigma", () => {
    expect(robustSigma([1, 2, 3, 4, 5, 6, 7, 8, 900])).toBeCloseTo(2.9652, 10);
  });

  test("summarize reports n, mean, median, stddev, mad, min and max", () => {
    expect(summarize([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({
      n: 8,
      mean: 5,
      median: 4.5,
      stddev: Math.sqrt(32 / 7),
      mad: 0.5,
      min: 2,
      max: 9,
    });
  });
});
