// The bench's re-implementation of asv's step detection must behave as asv's own tests say
// (asv test/test_step_detect.py, BSD-3): otherwise "better than asv" would mean nothing.
import { describe, expect, test } from "vitest";
import { asvRegressionPositions } from "../../bench/quality/asv-regressions.js";
import { asvStepFit, type Step } from "../../bench/quality/asv-step-fit.js";
import { createRandom } from "../../src/stats/rng.js";

const step = (left: number, right: number, value: number): Step => ({
  left,
  right,
  value,
  min: value,
  error: 0,
});

describe("asv step fit (re-implementation)", () => {
  test("finds the steps of a lightly noisy series exactly (asv test_solve_potts, larger case)", () => {
    const random = createRandom(1234);
    const y = Array.from({ length: 3000 }, (_, t) => {
      const level =
        0.4 * +(t >= 10) +
        0.9 * +(t >= 30) -
        0.2 * +(t >= 200) +
        0.2 * +(t >= 600) +
        1.1 * +(t >= 2500) -
        0.5 * +(t >= 2990);
      return level + 0.05 * random.normal();
    });
    expect(asvStepFit(y)).toEqual([10, 30, 200, 600, 2500, 2990]);
  });

  test("finds no step when the noise is far larger than the steps", () => {
    const random = createRandom(5);
    const y = Array.from(
      { length: 1000 },
      (_, t) => 0.4 * +(t >= 10) + 1.1 * +(t >= 500) + 5 * random.normal(),
    );
    expect(asvStepFit(y)).toEqual([]);
  });

  test("does not cut a slow cosine into steps (asv test_autocorrelated)", () => {
    const y = Array.from({ length: 1000 }, (_, j) => 0.2 * Math.cos(j / 100) + +(j >= 500));
    expect(asvStepFit(y)).toEqual([500]);
  });
});

describe("asv regression rule (re-implementation, asv test_regression_threshold)", () => {
  const rising = [step(0, 1, 1.0), step(1, 2, 1.1), step(2, 3, 2.0)];
  test.each([
    [0.05, [1, 2]],
    [0.2, [2]],
    [0.8, [2]],
    [1.1, []],
  ])("threshold %f reports the regressed regimes %j", (threshold, expected) => {
    expect(asvRegressionPositions(rising, threshold, 1)).toEqual(expected);
  });

  test("a rise that comes back is no regression", () => {
    expect(asvRegressionPositions([step(0, 1, 1.0), step(1, 2, 1.3), step(2, 3, 1.1)], 0.2, 1)).toEqual([]);
  });

  test("a gradual change is reported somewhere even when each step is under the threshold", () => {
    expect(asvRegressionPositions([step(0, 1, 1.0), step(1, 2, 1.04), step(2, 3, 1.08)], 0.05)).toEqual([1]);
  });

  test("a short dip is ignored unless min_size allows it (asv test_regression_min_size)", () => {
    const dip = [step(0, 2, 1.0), step(2, 3, 0.0), step(3, 5, 1.0)];
    expect(asvRegressionPositions(dip)).toEqual([]);
    expect(asvRegressionPositions(dip, 0, 1)).toEqual([3]);
  });
});
