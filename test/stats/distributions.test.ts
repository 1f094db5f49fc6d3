import { describe, expect, test } from "vitest";
import {
  normalQuantile,
  normalUpperTail,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
} from "../../src/stats/distributions.js";

describe("Student's t distribution", () => {
  // Critical values from the t table (NIST/SEMATECH e-Handbook 1.3.6.7.2); the last from scipy.stats.t.ppf.
  test.each([
    [1, 0.975, 12.706],
    [2, 0.975, 4.303],
    [5, 0.975, 2.571],
    [10, 0.95, 1.812],
    [30, 0.995, 2.75],
    [4, 0.99865, 6.62007],
  ])("with %i df, the %f quantile matches the table (%f)", (df, p, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 2);
    expect(studentTCdf(expected, df)).toBeCloseTo(p, 3);
  });

  test("the two-sided p-value of t = 2.228 with 10 df is 0.05", () => {
    expect(studentTTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 3);
  });

  test("the CDF is symmetric and 1/2 at zero", () => {
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(-1.3, 7) + studentTCdf(1.3, 7)).toBeCloseTo(1, 12);
  });

  test("with 2 df the quantile has the closed form (2p - 1) / sqrt(2p(1 - p))", () => {
    const p = 0.99865;
    expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 8);
  });

  test("with 1 df it is the Cauchy distribution", () => {
    for (const t of [-3, -0.5, 0.7, 5])
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
  });
});

describe("incomplete beta and normal", () => {
  test("I_x(a, 1) = x^a and I_x(1, b) = 1 - (1-x)^b", () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 12);
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
  });

  test("the normal tail matches the table, far into the tail", () => {
    expect(normalUpperTail(1.96)).toBeCloseTo(0.025, 4);
    expect(normalUpperTail(3) / 0.0013498980316301).toBeCloseTo(1, 5);
    expect(normalUpperTail(8) / 6.22096057427178e-16).toBeCloseTo(1, 5);
  });

  test("the normal quantile inverts the CDF", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});
