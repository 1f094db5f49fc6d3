import type { Direction } from "../../src/descriptor/types.js";
import { createRandom, type Random } from "../../src/stats/rng.js";
import { summarize } from "../../src/stats/summary.js";
import type { BaselineRun, MetricComparisonInput } from "../../src/stats/types.js";

/** Noise shapes seen on real runners; each returns a draw with mean ~0 and spread ~1. */
export type NoiseShape = "normal" | "log-normal" | "heavy-tailed" | "bimodal";

export function drawNoise(random: Random, shape: NoiseShape): number {
  switch (shape) {
    case "normal":
      return random.normal();
    case "log-normal":
      // Right-skewed, as latencies are: exp(0.5 z) - its mean, scaled to sd ~1.
      return (Math.exp(0.5 * random.normal()) - Math.exp(0.125)) / 0.6;
    case "heavy-tailed": {
      // Student t with 3 degrees of freedom.
      const z = random.normal();
      let chi = 0;
      for (let i = 0; i < 3; i++) chi += random.normal() ** 2;
      return z / Math.sqrt(chi / 3);
    }
    case "bimodal":
      // Two modes (fast path / slow path), each picked with equal chance.
      return (random.uniform() < 0.5 ? -1 : 1) + 0.3 * random.normal();
  }
}

export interface Scenario {
  shape: NoiseShape;
  /** Within-run noise, relative to the level (0.01 = 1%). */
  noise: number;
  /** Run-to-run drift (a whole run scaled by exp(drift · noise draw)), relative to the level. */
  drift: number;
  /** Shape of the run-to-run drift (default: `shape`). */
  driftShape?: NoiseShape;
  historyRuns: number;
  repetitions: number;
  /** True relative change of the candidate (0 = none). */
  change: number;
  direction?: Direction;
}

function simulateRun(random: Random, scenario: Scenario, level: number): number[] {
  // Drift is multiplicative, as a slower machine slows every repetition by the same factor.
  const runLevel =
    level * Math.exp(scenario.drift * drawNoise(random, scenario.driftShape ?? scenario.shape));
  const values: number[] = [];
  for (let r = 0; r < scenario.repetitions; r++) {
    values.push(runLevel * (1 + scenario.noise * drawNoise(random, scenario.shape)));
  }
  return values;
}

export function simulateHistory(random: Random, scenario: Scenario, level = 100): BaselineRun[] {
  const history: BaselineRun[] = [];
  for (let i = 0; i < scenario.historyRuns; i++) {
    const values = simulateRun(random, scenario, level);
    history.push({ resultId: `r${i}`, date: "2025-01-01T00:00:00Z", summary: summarize(values), values });
  }
  return history;
}

/** One simulated metric: a history and a candidate, the candidate shifted by `scenario.change`. */
export function simulateMetric(random: Random, scenario: Scenario, name = "metric"): MetricComparisonInput {
  const history = simulateHistory(random, scenario);
  return {
    benchmarkId: "sim",
    metric: name,
    unit: "ms",
    direction: scenario.direction ?? "lower_is_better",
    thresholds: {},
    history,
    candidate: simulateRun(random, scenario, 100 * (1 + scenario.change)),
  };
}

export function seeded(seed: number): Random {
  return createRandom(seed);
}
