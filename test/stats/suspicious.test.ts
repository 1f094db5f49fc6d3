import { describe, expect, it } from "vitest";
import { compareMetrics } from "../../src/stats/compare.js";
import { needsConfirmation } from "../../src/stats/confirmation.js";
import { summarize } from "../../src/stats/summary.js";
import type { BaselineRun, MetricComparisonInput } from "../../src/stats/types.js";
import { type Scenario, seeded, simulateMetric } from "./simulation.js";

const scenario = (change: number): Scenario => ({
  shape: "normal",
  noise: 0.005,
  drift: 0.001,
  historyRuns: 30,
  repetitions: 5,
  change,
});

function run(values: number[], i: number): BaselineRun {
  return { resultId: `r${i}`, date: "2025-01-01", summary: summarize(values), values };
}

/** 5 runs at one level, each of 5 repetitions with 3% noise: repetitions, not drift, dominate the error. */
function noisyRepetitions(candidate: number[]): MetricComparisonInput {
  const history = Array.from({ length: 5 }, (_, i) => run([96, 98, 100, 102, 104], i));
  return {
    benchmarkId: "b",
    metric: "m",
    unit: "ms",
    direction: "lower_is_better",
    thresholds: {},
    history,
    candidate,
  };
}

describe("suspicious results", () => {
  it("flags a shift past the sigma rule and the minimum effect that the test cannot call yet, when repetitions would settle it", () => {
    const [shifted] = compareMetrics([noisyRepetitions([101.5, 103.5, 105.5, 107.5, 109.5])]);
    expect(shifted!.relativeChange).toBeGreaterThan(0.05);
    expect(shifted!.verdict).toBe("inconclusive");
    expect(shifted!.suspicious).toBe(true);
    expect(needsConfirmation([shifted!])).toBe(true);
  });

  it("does not ask for more repetitions when run-to-run drift, which repetitions cannot shrink, holds it back", () => {
    const drifting = [100, 96, 103, 99].map((level, i) => run([level - 0.1, level, level + 0.1], i));
    const [result] = compareMetrics([{ ...noisyRepetitions([110, 110.1, 109.9]), history: drifting }]);
    expect(result!.verdict).toBe("inconclusive");
    expect(result!.suspicious).toBe(false);
  });

  it("does not flag an unchanged metric", () => {
    const random = seeded(12);
    const [steady] = compareMetrics([simulateMetric(random, scenario(0))]);
    expect(steady!.verdict).toBe("unchanged");
    expect(steady!.suspicious).toBe(false);
  });
});
