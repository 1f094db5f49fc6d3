import { describe, expect, test } from "vitest";
import { compareMetrics } from "../../src/stats/compare.js";
import { type NoiseShape, seeded, simulateMetric } from "./simulation.js";

/** Upper binomial tolerance: the level plus 3 standard errors of a proportion over `trials`. */
function tolerance(level: number, trials: number): number {
  return level + 3 * Math.sqrt((level * (1 - level)) / trials);
}

const TRIALS = 2000;

describe("calibration at zero true change, with between-run drift", () => {
  const shapes: NoiseShape[] = ["normal", "log-normal", "heavy-tailed", "bimodal"];
  test.each(shapes)("%s noise: regressions stay at or below the 5% level", (shape) => {
    const random = seeded(101);
    let regressions = 0;
    for (let i = 0; i < TRIALS; i++) {
      // Alternate a realistic and a hard case: long history, and a short drifting one with single values.
      const scenario =
        i % 2 === 0
          ? { shape, noise: 0.01, drift: 0.01, historyRuns: 30, repetitions: 5, change: 0 }
          : { shape, noise: 0.01, drift: 0.03, historyRuns: 5, repetitions: 1, change: 0 };
      const [result] = compareMetrics([simulateMetric(random, scenario)], { bootstrapResamples: 200 });
      if (result!.verdict === "regression") regressions++;
    }
    expect(regressions / TRIALS).toBeLessThanOrEqual(tolerance(0.05, TRIALS));
  });

  test("200 unchanged metrics in one comparison almost never produce a regression", () => {
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
      const results = compareMetrics(inputs, { bootstrapResamples: 100 });
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
    for (let i = 0; i < trials; i++) {
      const scenario = {
        shape: "normal" as const,
        noise: 0.01,
        drift: 0,
        historyRuns: 30,
        repetitions: 5,
        change: 0.05,
      };
      const [result] = compareMetrics([simulateMetric(random, scenario)], { bootstrapResamples: 200 });
      if (result!.verdict === "regression") caught++;
    }
    expect(caught / trials).toBeGreaterThanOrEqual(0.99);
  });
});
