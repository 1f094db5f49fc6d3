import { describe, expect, test } from "vitest";
import { compareMetrics } from "../../src/stats/compare.js";
import { needsConfirmation } from "../../src/stats/confirmation.js";
import { summarize } from "../../src/stats/summary.js";
import type { BaselineRun, MetricComparisonInput } from "../../src/stats/types.js";

function run(values: number[], i = 0): BaselineRun {
  return { resultId: `r${i}`, date: "2025-01-01", summary: summarize(values), values };
}

/** A steady history: 30 runs around 100 with 1% noise, deterministic. */
function steadyHistory(runs = 30): BaselineRun[] {
  return Array.from({ length: runs }, (_, i) =>
    run(
      [0, 1, 2, 3, 4].map((r) => 100 + Math.sin(i * 7 + r * 3) * 1),
      i,
    ),
  );
}

function input(candidate: number[], overrides: Partial<MetricComparisonInput> = {}): MetricComparisonInput {
  return {
    benchmarkId: "bench",
    metric: "latency",
    unit: "ms",
    direction: "lower_is_better",
    thresholds: {},
    history: steadyHistory(),
    candidate,
    ...overrides,
  };
}

describe("compareMetrics verdicts", () => {
  test("flags a 5% slowdown at 1% noise as a regression with its interval", () => {
    const [result] = compareMetrics([input([105, 104.6, 105.3, 104.9, 105.2])]);
    expect(result!.verdict).toBe("regression");
    expect(result!.relativeChange).toBeCloseTo(0.05, 2);
    expect(result!.relativeChangeCi![0]).toBeLessThan(0.05);
    expect(result!.relativeChangeCi![1]).toBeGreaterThan(0.045);
    expect(result!.test!.name).toBe("prediction-t");
    expect(result!.reason).toMatch(/^\+5\.0% \(95% CI/);
  });

  test("calls the same change an improvement when higher is better", () => {
    const [result] = compareMetrics([
      input([105, 104.6, 105.3, 104.9, 105.2], { direction: "higher_is_better" }),
    ]);
    expect(result!.verdict).toBe("improvement");
  });

  test("leaves a change below the minimum effect unchanged and says why", () => {
    const [result] = compareMetrics([input([101.5, 101.4, 101.6, 101.5, 101.5])]);
    expect(result!.verdict).toBe("unchanged");
    expect(result!.reason).toContain("minimum effect");
  });

  test("honours a per-metric minimum effect", () => {
    const [result] = compareMetrics([
      input([101.5, 101.4, 101.6, 101.5, 101.5], { thresholds: { minEffect: 0.01 } }),
    ]);
    expect(result!.verdict).toBe("regression");
  });

  test("does not turn a baseline of identical values into infinite sigmas", () => {
    const history = Array.from({ length: 10 }, (_, i) => run([100, 100, 100], i));
    const [small, large] = compareMetrics([
      input([100.5, 100.5, 100.5], { history }),
      input([103, 103, 103], { history }),
    ]);
    expect(Number.isFinite(small!.sigmas)).toBe(true);
    expect(small!.verdict).toBe("unchanged");
    expect(large!.verdict).toBe("regression");
  });

  test("reports an unknown direction as inconclusive, never as a pass or a failure", () => {
    const [result] = compareMetrics([input([108, 108.2, 107.9, 108.1, 108], { direction: "unknown" })]);
    expect(result!.verdict).toBe("inconclusive");
    expect(result!.reason).toMatch(/^direction unknown: changed by \+8\.0%, set direction/);
  });

  test("says what is missing when the baseline is too short", () => {
    const [result] = compareMetrics([input([100], { history: steadyHistory(2) })]);
    expect(result!.verdict).toBe("inconclusive");
    expect(result!.reason).toBe("baseline has 2 runs, needs 3");
  });

  test("reports no-baseline for an empty history and failed for a failed candidate", () => {
    const [fresh, broken, empty] = compareMetrics([
      input([100], { history: [] }),
      input([], { candidateFailure: "the run timed out" }),
      input([]),
    ]);
    expect(fresh!.verdict).toBe("no-baseline");
    expect(broken).toMatchObject({ verdict: "failed", reason: "the run timed out" });
    expect(empty!.verdict).toBe("failed");
  });

  test("judges against the median and MAD of runs when the history has an outlier run", () => {
    const history = steadyHistory();
    history[10] = run([160, 161, 159, 160, 160], 10);
    const [result] = compareMetrics([input([105, 104.6, 105.3, 104.9, 105.2], { history })]);
    expect(result!.test!.name).toBe("robust-prediction-t");
    expect(result!.verdict).toBe("regression");
  });

  test("judges a single candidate value as one new run", () => {
    const [result] = compareMetrics([input([110])]);
    expect(result!.test!.name).toBe("prediction-t");
    expect(result!.verdict).toBe("regression");
  });

  test("gives a noise floor at least the minimum effect", () => {
    const [result] = compareMetrics([input([100, 100.2, 99.9])]);
    expect(result!.noiseFloor).toBeGreaterThanOrEqual(0.02);
  });

  test("adjusts p-values across the metrics of a benchmark: never below the raw p-value", () => {
    const results = compareMetrics([
      input([103, 103.2, 102.9]),
      input([100, 100.5, 99.5]),
      input([101, 100.5, 100.8]),
    ]);
    for (const r of results) expect(r.test!.adjustedPValue).toBeGreaterThanOrEqual(r.test!.pValue);
    expect(results[0]!.test!.adjustedPValue).toBeCloseTo(results[0]!.test!.pValue * 3, 12);
  });

  test("marks a regression barely past the thresholds suspicious, and a clear one not", () => {
    const results = compareMetrics([
      input([102.1, 102.2, 102.0, 102.1, 102.1]),
      input([110, 110.2, 109.9, 110.1, 110]),
    ]);
    expect(results.map((r) => [r.verdict, r.suspicious])).toEqual([
      ["regression", true],
      ["regression", false],
    ]);
    expect(needsConfirmation(results)).toBe(true);
    expect(needsConfirmation(results.slice(1))).toBe(false);
  });
});
