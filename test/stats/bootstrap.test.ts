import { describe, expect, test } from "vitest";
import { bootstrapRelativeChange } from "../../src/stats/bootstrap.js";
import { formatRelativeChange } from "../../src/stats/format.js";
import { precisionReached } from "../../src/stats/precision.js";

const sample = {
  candidate: [95, 96, 94, 95.5, 94.5],
  sortedRunMeans: [98, 99, 99.5, 100, 100, 100.5, 101, 102],
  runEffectSd: 0.5,
};

describe("bootstrap interval of the relative change", () => {
  test("is the same for the same seed and moves with another seed", () => {
    const options = { resamples: 2000, confidence: 0.95, seed: 42 };
    const first = bootstrapRelativeChange(sample, options);
    expect(bootstrapRelativeChange(sample, options)).toEqual(first);
    expect(bootstrapRelativeChange(sample, { ...options, seed: 43 })).not.toEqual(first);
  });

  test("brackets the observed change of -5% and excludes zero", () => {
    const [low, high] = bootstrapRelativeChange(sample, { resamples: 2000, confidence: 0.95, seed: 1 });
    expect(low).toBeLessThan(-0.05);
    expect(high).toBeGreaterThan(-0.05);
    expect(high).toBeLessThan(0);
  });

  test("widens with the confidence level", () => {
    const narrow = bootstrapRelativeChange(sample, { resamples: 2000, confidence: 0.8, seed: 1 });
    const wide = bootstrapRelativeChange(sample, { resamples: 2000, confidence: 0.99, seed: 1 });
    expect(wide[1] - wide[0]).toBeGreaterThan(narrow[1] - narrow[0]);
  });
});

describe("formatRelativeChange", () => {
  test("writes the change and its interval as reports show them", () => {
    expect(formatRelativeChange({ relativeChange: -0.041, relativeChangeCi: [-0.053, -0.029] })).toBe(
      "-4.1% (95% CI -5.3% to -2.9%)",
    );
    expect(formatRelativeChange({ relativeChange: 0.08, relativeChangeCi: [0.02, 0.141] })).toBe(
      "+8.0% (95% CI +2.0% to +14.1%)",
    );
  });

  test("says n/a when there is no change to show", () => {
    expect(formatRelativeChange({})).toBe("n/a");
  });
});

describe("precisionReached", () => {
  test("computes the relative half-width of the t interval of the mean", () => {
    // mean 100, s = 0.8165, se = 0.4082, t(0.975, 3) = 3.1824 -> 1.299%
    const result = precisionReached([100, 101, 99, 100], 0.01, 0.95);
    expect(result.halfWidth).toBeCloseTo(0.012991, 5);
    expect(result.reached).toBe(false);
    expect(precisionReached([100, 101, 99, 100], 0.015, 0.95).reached).toBe(true);
  });

  test("is never reached with one value", () => {
    expect(precisionReached([100], 0.5, 0.95)).toEqual({
      reached: false,
      halfWidth: Number.POSITIVE_INFINITY,
    });
  });
});
