import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compareMetrics } from "../../src/stats/compare.js";
import { summarize } from "../../src/stats/summary.js";
import type { MetricComparisonInput } from "../../src/stats/types.js";
import { seeded, simulateMetric } from "./simulation.js";

function scale(input: MetricComparisonInput, factor: number): MetricComparisonInput {
  return {
    ...input,
    history: input.history.map((run) => {
      const values = run.values.map((v) => v * factor);
      return { ...run, values, summary: summarize(values) };
    }),
    candidate: input.candidate.map((v) => v * factor),
  };
}

const metric = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  change: fc.constantFrom(-0.08, -0.03, 0, 0.03, 0.08),
  repetitions: fc.integer({ min: 1, max: 6 }),
});

function simulate(m: { seed: number; change: number; repetitions: number }): MetricComparisonInput {
  const scenario = {
    shape: "normal" as const,
    noise: 0.01,
    drift: 0.005,
    historyRuns: 12,
    repetitions: m.repetitions,
    change: m.change,
  };
  return simulateMetric(seeded(m.seed), scenario);
}

describe("verdict properties", () => {
  test("verdicts do not change when every value is scaled by a positive power of two", () => {
    fc.assert(
      fc.property(metric, fc.integer({ min: -20, max: 20 }), (m, exponent) => {
        const original = simulate(m);
        const [a] = compareMetrics([original]);
        const [b] = compareMetrics([scale(original, 2 ** exponent)]);
        expect(b!.verdict).toBe(a!.verdict);
        expect(b!.relativeChange).toBeCloseTo(a!.relativeChange!, 12);
      }),
      { numRuns: 60 },
    );
  });

  test("regression and improvement swap when the direction flips", () => {
    const swap: Record<string, string> = { regression: "improvement", improvement: "regression" };
    fc.assert(
      fc.property(metric, (m) => {
        const lower = simulate(m);
        const [a] = compareMetrics([lower]);
        const [b] = compareMetrics([{ ...lower, direction: "higher_is_better" }]);
        expect(b!.verdict).toBe(swap[a!.verdict] ?? a!.verdict);
      }),
      { numRuns: 60 },
    );
  });
});
