import fc from "fast-check";
import { median, medianAbsoluteDeviation } from "simple-statistics";
import { describe, expect, test } from "vitest";
import { runningMedian } from "../../src/stats/changepoints/despike.js";
import { spread } from "../../src/stats/changepoints/noise-scale.js";
import { compareMetrics } from "../../src/stats/compare.js";
import { medianDeviationOfSorted } from "../../src/stats/fast-median.js";
import { MAD_TO_SIGMA } from "../../src/stats/robust.js";
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

/** Finite values, with ties (repeated small integers) that medians and sorts must handle. */
function samples(constraints: { minLength?: number; maxLength: number }): fc.Arbitrary<number[]> {
  return fc.array(
    fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.constantFrom(0, 1, 2, 3),
    ),
    constraints,
  );
}

describe("the change-point noise spread", () => {
  /** spread() as first written: two medians (simple-statistics) and a sorted copy for the trimmed sd. */
  function spreadByDefinition(values: number[]): number {
    if (values.length < 2) return 0;
    const center = median(values);
    const mad = MAD_TO_SIGMA * median(values.map((v) => Math.abs(v - center)));
    const sorted = [...values].sort((a, b) => a - b);
    const cut = Math.floor(0.025 * sorted.length);
    const kept = sorted.slice(cut, sorted.length - cut);
    let mean = 0;
    for (const v of kept) mean += v;
    mean /= kept.length;
    let squares = 0;
    for (const v of kept) squares += (v - mean) ** 2;
    const trimmed = kept.length > 1 ? Math.sqrt(squares / (kept.length - 1)) / 0.871 : 0;
    return Math.max(mad, trimmed);
  }

  test("is exactly the two medians and the trimmed sd of its definition, for any values", () => {
    fc.assert(
      fc.property(samples({ maxLength: 300 }), (values) => {
        expect(spread(values)).toBe(spreadByDefinition(values));
      }),
      { numRuns: 500, seed: 20261202 },
    );
  });
});

describe("the running median that despikes histories", () => {
  test("is exactly simple-statistics' median of each centred window", () => {
    fc.assert(
      fc.property(samples({ maxLength: 80 }), fc.integer({ min: 0, max: 16 }), (values, half) => {
        const expected = values.map((_, i) =>
          median(values.slice(Math.max(0, i - half), Math.min(values.length, i + half + 1))),
        );
        expect(runningMedian(values, half)).toEqual(expected);
      }),
      { numRuns: 500, seed: 20261202 },
    );
  });
});

describe("the MAD of values in order", () => {
  test("is simple-statistics' median absolute deviation, to the last bit", () => {
    fc.assert(
      fc.property(samples({ minLength: 1, maxLength: 200 }), (values) => {
        const sorted = Float64Array.from(values).sort();
        expect(medianDeviationOfSorted(sorted, median(values))).toBe(medianAbsoluteDeviation(values));
      }),
      { numRuns: 1000, seed: 20261202 },
    );
  });
});
