import { describe, expect, test } from "vitest";
import { compareMetrics } from "../../src/stats/compare.js";
import { type NoiseShape, type Scenario, seeded, simulateMetric } from "./simulation.js";

/** Upper binomial tolerance: the level plus 3 standard errors of a proportion over `trials`. */
function tolerance(level: number, trials: number): number {
  return level + 3 * Math.sqrt((level * (1 - level)) / trials);
}

/** Quiet to very noisy machines: (within-run noise, run-to-run drift), relative. */
const MACHINES: [number, number][] = [
  [0.02, 0],
  [0.02, 0.01],
  [0.02, 0.03],
  [0.05, 0.1],
  [0.1, 0.35],
];
const RUN_COUNTS = [3, 5, 10, 30];

/** How often a metric with no true change is called changed (regression or improvement), over the grid. */
function falseCallRate(shape: NoiseShape, driftShape: NoiseShape, trialsPerCell: number, seed: number) {
  const random = seeded(seed);
  let calls = 0;
  let trials = 0;
  for (const historyRuns of RUN_COUNTS) {
    for (const [noise, drift] of MACHINES) {
      const scenario: Scenario = { shape, driftShape, noise, drift, historyRuns, repetitions: 5, change: 0 };
      for (let i = 0; i < trialsPerCell; i++) {
        const [result] = compareMetrics([simulateMetric(random, scenario)]);
        if (result!.verdict === "regression" || result!.verdict === "improvement") calls++;
        trials++;
      }
    }
  }
  return { rate: calls / trials, trials };
}

describe("calibration at zero true change", () => {
  const shapes: NoiseShape[] = ["normal", "log-normal", "heavy-tailed", "bimodal"];
  test.each(shapes)(
    "%s repetitions, normal drift on the log scale: at most 1% of metrics called changed",
    (shape) => {
      const { rate, trials } = falseCallRate(shape, "normal", 250, 101);
      expect(rate).toBeLessThanOrEqual(tolerance(0.01, trials));
    },
  );

  // The prediction t assumes run-to-run drift is roughly normal on the log scale. Skewed,
  // heavy-tailed or two-mode drift (one run in many twice as slow) breaks that: measured here
  // and stated in docs/statistics.md, not hidden. Confirmation re-runs and the scheduled gate's
  // persistence are what bring those alarms down.
  test.each(["log-normal", "heavy-tailed", "bimodal"] as NoiseShape[])(
    "%s drift (a stress case): at most 5% called changed",
    (driftShape) => {
      const { rate, trials } = falseCallRate("normal", driftShape, 100, 202);
      expect(rate).toBeLessThanOrEqual(tolerance(0.05, trials));
    },
  );

  test("200 unchanged metrics of one benchmark almost never produce a regression", () => {
    const random = seeded(202);
    let comparisonsWithRegression = 0;
    const comparisons = 50;
    for (let c = 0; c < comparisons; c++) {
      const inputs = Array.from({ length: 200 }, (_, i) =>
        simulateMetric(
          random,
          { shape: "normal", noise: 0.02, drift: 0.01, historyRuns: 20, repetitions: 3, change: 0 },
          `m${i}`,
        ),
      );
      const results = compareMetrics(inputs);
      if (results.some((r) => r.verdict === "regression")) comparisonsWithRegression++;
    }
    expect(comparisonsWithRegression).toBeLessThanOrEqual(2);
  });
});

describe("power", () => {
  test("a 5% regression at 1% noise with 5 repetitions and 30 runs is caught at least 99% of the time", () => {
    const random = seeded(303);
    let caught = 0;
    const trials = 1000;
    const scenario: Scenario = {
      shape: "normal",
      noise: 0.01,
      drift: 0,
      historyRuns: 30,
      repetitions: 5,
      change: 0.05,
    };
    for (let i = 0; i < trials; i++) {
      const [result] = compareMetrics([simulateMetric(random, scenario)]);
      if (result!.verdict === "regression") caught++;
    }
    expect(caught / trials).toBeGreaterThanOrEqual(0.99);
  });

  test("a quiet 30-run baseline calls most unchanged runs unchanged, not inconclusive", () => {
    const random = seeded(404);
    let unchanged = 0;
    const trials = 500;
    const scenario: Scenario = {
      shape: "normal",
      noise: 0.01,
      drift: 0.002,
      historyRuns: 30,
      repetitions: 5,
      change: 0,
    };
    for (let i = 0; i < trials; i++) {
      const [result] = compareMetrics([simulateMetric(random, scenario)]);
      if (result!.verdict === "unchanged") unchanged++;
    }
    expect(unchanged / trials).toBeGreaterThanOrEqual(0.95);
  });
});
