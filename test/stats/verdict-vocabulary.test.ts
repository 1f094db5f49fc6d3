import { describe, expect, test } from "vitest";
import { compareMetrics } from "../../src/stats/compare.js";
import { createRandom, type Random } from "../../src/stats/rng.js";
import { summarize } from "../../src/stats/summary.js";
import type { BaselineRun, MetricComparison, MetricComparisonInput } from "../../src/stats/types.js";
import { seeded, simulateMetric } from "./simulation.js";

/**
 * The README walkthrough (hello-world: 5 repetitions per run, a handful of baseline runs) and
 * the verdict words it must earn. Durations in ms; ops/s is rounds over duration, so a 2x
 * slowdown is +100% in one and -50% in the other.
 */
function helloWorldRun(random: Random, slowdown: number, runDrift: number, noise: number): number[] {
  const runLevel = 180 * slowdown * (1 + runDrift);
  return Array.from({ length: 5 }, () => runLevel * (1 + noise * random.normal()));
}

function walkthrough(
  random: Random,
  options: { runs: number; slowdown: number; drift: () => number; noise: number },
) {
  const history: BaselineRun[] = Array.from({ length: options.runs }, (_, i) => {
    const values = helloWorldRun(random, 1, options.drift(), options.noise);
    return { resultId: `r${i}`, date: "2026-01-01", summary: summarize(values), values };
  });
  const candidate = helloWorldRun(random, options.slowdown, options.drift(), options.noise);
  const metric = (
    name: string,
    unit: string,
    direction: MetricComparisonInput["direction"],
    f: (v: number) => number,
  ) => ({
    benchmarkId: "hello-world",
    metric: name,
    unit,
    direction,
    thresholds: {},
    history: history.map((run) => {
      const values = run.values.map(f);
      return { ...run, values, summary: summarize(values) };
    }),
    candidate: candidate.map(f),
  });
  return compareMetrics([
    metric("duration_ms", "ms", "lower_is_better", (v) => v),
    metric("ops_per_second", "ops/s", "higher_is_better", (v) => 150_000 / (v / 1000)),
  ]);
}

const verdicts = (results: MetricComparison[]) => results.map((r) => r.verdict);

describe("the README walkthrough", () => {
  test.each([3, 5])(
    "a 2x slowdown against %i baseline runs of a quiet machine is a regression in both metrics",
    (runs) => {
      const random = createRandom(runs);
      for (let i = 0; i < 200; i++) {
        const results = walkthrough(random, {
          runs,
          slowdown: 2,
          noise: 0.03,
          drift: () => 0.01 * random.normal(),
        });
        expect(verdicts(results)).toEqual(["regression", "regression"]);
      }
    },
  );

  test("a 2-3x slowdown is never 'unchanged' when the baseline runs drift by ±35% between runs", () => {
    const random = createRandom(35);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const results = walkthrough(random, {
        runs: 3 + (i % 8),
        slowdown: 2 + (i % 3) / 2,
        noise: 0.08,
        drift: () => 0.35 * (2 * random.uniform() - 1),
      });
      for (const r of results) {
        expect(["regression", "inconclusive"]).toContain(r.verdict);
        seen.add(r.verdict);
        if (r.verdict === "inconclusive") expect(r.reason).toMatch(/baseline runs|quieter machine/);
      }
    }
    expect(seen).toEqual(new Set(["regression", "inconclusive"]));
  });

  test("an inconclusive verdict says why and how many baseline runs would decide it", () => {
    const history = [170, 230, 190].map((level, i) => {
      const values = [level * 0.98, level, level * 1.02];
      return { resultId: `r${i}`, date: "2026-01-01", summary: summarize(values), values };
    });
    const [result] = compareMetrics([
      {
        benchmarkId: "hello-world",
        metric: "duration_ms",
        unit: "ms",
        direction: "lower_is_better",
        thresholds: {},
        history,
        candidate: [440, 450, 460],
      },
    ]);
    expect(result!.verdict).toBe("inconclusive");
    expect(result!.reason).toMatch(/^\+1\d\d\.\d% \(95% CI .*\): cannot tell, not significant/);
    expect(result!.advice).toMatch(
      /^about \d+ baseline runs at this spread \(±\d+\.\d% per run\) would decide a change this size; it has 3$/,
    );
  });
});

describe("the honest vocabulary", () => {
  test("'unchanged' only when the interval lies within the minimum effect or the baseline could have seen it", () => {
    const random = seeded(7);
    for (let i = 0; i < 300; i++) {
      const input = simulateMetric(random, {
        shape: "normal",
        noise: [0.005, 0.02, 0.1][i % 3]!,
        drift: [0, 0.01, 0.05][Math.floor(i / 3) % 3]!,
        historyRuns: [3, 10, 30][Math.floor(i / 9) % 3]!,
        repetitions: 5,
        change: [0, 0.01, 0.03][Math.floor(i / 27) % 3]!,
      });
      const [r] = compareMetrics([input]);
      if (r!.verdict !== "unchanged") continue;
      const [low, high] = r!.relativeChangeCi!;
      const within = low > -0.02 && high < 0.02;
      expect(within || r!.noiseFloor! <= 0.02).toBe(true);
      expect(low >= 0.02 || high <= -0.02).toBe(false);
    }
  });

  test("an interval that excludes zero by more than the minimum effect is never 'unchanged'", () => {
    const history = [100, 150, 120].map((level, i) => {
      const values = [level, level, level];
      return { resultId: `r${i}`, date: "2026-01-01", summary: summarize(values), values };
    });
    const [r] = compareMetrics([
      {
        benchmarkId: "b",
        metric: "m",
        unit: "ms",
        direction: "lower_is_better",
        thresholds: { sigma: 50 },
        history,
        candidate: [400, 400, 400],
      },
    ]);
    expect(r!.relativeChangeCi![0]).toBeGreaterThan(0.02);
    expect(r!.verdict).toBe("inconclusive");
    expect(r!.reason).toMatch(/cannot tell/);
  });
});

describe("power at scale", () => {
  test.each([1, 10_000])("a planted 10-sigma shift is flagged among %i metrics of one benchmark", (count) => {
    const random = seeded(count);
    const scenario = { shape: "normal" as const, noise: 0.01, drift: 0.005, historyRuns: 30, repetitions: 5 };
    const inputs = Array.from({ length: count }, (_, i) =>
      simulateMetric(random, { ...scenario, change: 0 }, `m${i}`),
    );
    // 10 robust sigmas of this history's run-to-run spread (drift plus repetition noise / √5).
    const runSpread = Math.sqrt(0.005 ** 2 + 0.01 ** 2 / 5);
    inputs[0] = simulateMetric(random, { ...scenario, change: Math.expm1(10 * runSpread) }, "planted");
    const results = compareMetrics(inputs);
    expect(results[0]!.sigmas).toBeGreaterThan(7);
    expect(results[0]!.verdict).toBe("regression");
    expect(results.filter((r) => r.verdict === "regression").length).toBeLessThanOrEqual(1 + count / 1000);
  });

  test("false discoveries are controlled per benchmark: another benchmark's metrics do not dilute a shift", () => {
    const random = seeded(99);
    const scenario = { shape: "normal" as const, noise: 0.01, drift: 0.005, historyRuns: 30, repetitions: 5 };
    const shifted = { ...simulateMetric(random, { ...scenario, change: 0.04 }, "latency"), benchmarkId: "a" };
    const others = Array.from({ length: 5000 }, (_, i) => ({
      ...simulateMetric(random, { ...scenario, change: 0 }, `m${i}`),
      benchmarkId: "b",
    }));
    const [alone] = compareMetrics([shifted]);
    const [together] = compareMetrics([shifted, ...others]);
    expect(together!.test!.adjustedPValue).toBe(alone!.test!.adjustedPValue);
    expect(together!.verdict).toBe(alone!.verdict);
  });
});
