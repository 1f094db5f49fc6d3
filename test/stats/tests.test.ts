import { describe, expect, test } from "vitest";
import { chooseScale } from "../../src/stats/analysis-scale.js";
import { estimateBaseline } from "../../src/stats/baseline-estimate.js";
import { adjustBenjaminiHochberg } from "../../src/stats/benjamini-hochberg.js";
import { fisherUpperTail } from "../../src/stats/distributions.js";
import { robustSigma } from "../../src/stats/robust.js";
import { testAgainstRuns } from "../../src/stats/run-level-test.js";
import { summarize } from "../../src/stats/summary.js";
import { satterthwaiteTTest } from "../../src/stats/welch.js";

/** Welch's two-sample test as two Satterthwaite terms s²/n. */
function welchTTest(a: number[], b: number[]) {
  const stats = (x: number[]) => {
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    return [mean, x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1)] as const;
  };
  const [meanA, varA] = stats(a);
  const [meanB, varB] = stats(b);
  return satterthwaiteTTest(meanA - meanB, [
    { variance: varA / a.length, df: a.length - 1 },
    { variance: varB / b.length, df: b.length - 1 },
  ]);
}

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

describe("the prediction t of a new run", () => {
  const runs = (means: number[]) =>
    means.map((mean, i) => ({ resultId: `r${i}`, date: "", summary: summarize([mean]), values: [mean] }));

  test("with single-value runs it is the textbook prediction interval: t = 3.464, df = 2, p = 0.0742", () => {
    // Run means 10, 12, 14 (sd 2), a new run at 20: t = 8 / (2 · √(1 + 1/3)); P(|T2| >= t) = 0.074180.
    const linear = chooseScale([-1], []);
    const result = testAgainstRuns([20], estimateBaseline(runs([10, 12, 14]), 30, linear));
    expect(result.difference).toBe(8);
    expect(result.df).toBeCloseTo(2, 10);
    expect(result.standardError).toBeCloseTo(2 * Math.sqrt(4 / 3), 12);
    expect(result.pValue).toBeCloseTo(0.07418, 5);
  });

  test("on the log scale the same holds for ratios", () => {
    const means = [100, 110, 121];
    const result = testAgainstRuns([200], estimateBaseline(runs(means), 30));
    const logs = means.map(Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / 3;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
    expect(result.difference).toBeCloseTo(Math.log(200) - mean, 12);
    expect(result.standardError).toBeCloseTo(sd * Math.sqrt(4 / 3), 12);
  });

  test("F upper tail: P(F(4, 20) >= 2.866) = 0.05", () => {
    expect(fisherUpperTail(2.866, 4, 20)).toBeCloseTo(0.05, 3);
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
