// The statistics core against its speed targets: compareMetrics on 10,000 metrics (the CLI's
// end-to-end target is 1 s; this measures the core) and detectChangePoints on 5,000 points (200 ms).
import { detectChangePoints, replayGate } from "../../src/stats/changepoints/index.js";
import { compareMetrics } from "../../src/stats/compare.js";
import { createRandom } from "../../src/stats/rng.js";
import { summarize } from "../../src/stats/summary.js";
import type { BaselineRun, MetricComparisonInput } from "../../src/stats/types.js";
import type { BenchRow, BenchSuite } from "../row.js";

function metricInputs(count: number, historyRuns: number): MetricComparisonInput[] {
  const random = createRandom(1);
  const run = (level: number) => Array.from({ length: 5 }, () => level * (1 + 0.01 * random.normal()));
  return Array.from({ length: count }, (_, m) => {
    const history: BaselineRun[] = Array.from({ length: historyRuns }, (_, i) => {
      const values = run(100 * (1 + 0.005 * random.normal()));
      return { resultId: `r${i}`, date: "2025-01-01T00:00:00Z", summary: summarize(values), values };
    });
    return {
      benchmarkId: `b${m % 50}`,
      metric: `m${m}`,
      unit: "ms",
      direction: "lower_is_better",
      thresholds: {},
      history,
      candidate: run(m % 100 === 0 ? 105 : 100),
    };
  });
}

/** Median wall time of `repeats` calls, in milliseconds. */
function time(repeats: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)]!;
}

function row(caseName: string, ms: number, targetMs: number, reference: string): BenchRow {
  return {
    suite: "stats",
    case: caseName,
    value: ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`,
    reference,
    ratio: ms / targetMs,
    target: `< ${targetMs >= 1000 ? `${targetMs / 1000} s` : `${targetMs} ms`}`,
    met: ms < targetMs,
  };
}

export const statsSuite: BenchSuite = {
  name: "stats",
  async run() {
    const inputs = metricInputs(10_000, 100);
    const compareMs = time(3, () => compareMetrics(inputs));
    const random = createRandom(2);
    const series = Array.from(
      { length: 5000 },
      (_, i) => (i < 2500 ? 100 : 104) * (1 + 0.01 * random.normal()),
    );
    const detectMs = time(5, () => detectChangePoints(series));
    const long = Array.from(
      { length: 50_000 },
      (_, i) => (i < 25_000 ? 100 : 104) * (1 + 0.01 * random.normal()),
    );
    const detectLongMs = time(3, () => detectChangePoints(long));
    const replayMs = time(3, () => replayGate(series, { direction: "lower_is_better" }));
    return [
      row(
        "compareMetrics, 10,000 metrics x 100-run history",
        compareMs,
        1000,
        "target of the whole `maat compare`: 1 s",
      ),
      row("detectChangePoints, 5,000 points", detectMs, 200, "target of `maat detect`: 200 ms"),
      row(
        "detectChangePoints, 50,000 points",
        detectLongMs,
        2000,
        "10x the points: O(n log n) keeps it near 10x",
      ),
      row("replayGate, 5,000 points", replayMs, 1000, "no target; informational"),
    ];
  },
};
