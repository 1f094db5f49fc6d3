import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { metricHistories } from "../../src/baselines/metric-histories.js";
import { metricHistory } from "../../src/baselines/reset.js";
import type { Baseline } from "../../src/baselines/types.js";
import { summarize } from "../../src/stats/summary.js";

const METRICS = ["a", "b", "c", "d"];

/** Baselines with runs missing some metrics, runs without commits, resets and regression flags. */
const baselines = fc
  .record({
    runs: fc.array(
      fc.record({
        has: fc.subarray(METRICS),
        commit: fc.option(fc.constantFrom("1111111aa", "2222222bb", "3333333cc"), { nil: undefined }),
        regressed: fc.option(fc.subarray(METRICS, { maxLength: 2 }), { nil: undefined }),
        value: fc.double({ min: 1, max: 100, noNaN: true }),
      }),
      { maxLength: 12 },
    ),
    resets: fc.array(
      fc.record({
        metric: fc.constantFrom(...METRICS),
        fromCommit: fc.constantFrom("1111111", "2222222bb", "9999999"),
        day: fc.integer({ min: 1, max: 12 }),
      }),
      { maxLength: 2 },
    ),
  })
  .map(
    ({ runs, resets }): Baseline => ({
      schemaVersion: 2,
      benchmarkId: "b",
      hardware: { slug: "cpu-x", fields: { cpu: "x" } },
      metrics: Object.fromEntries(
        METRICS.map((m) => [m, { unit: "ms", direction: "lower_is_better" as const }]),
      ),
      resets: resets.map((r) => ({
        metric: r.metric,
        fromCommit: r.fromCommit,
        date: new Date(Date.UTC(2026, 0, r.day, 12)).toISOString(),
        by: "ada",
        reason: "accepted",
      })),
      runs: runs.map((run, i) => ({
        resultId: `b/run-${i}`,
        date: new Date(Date.UTC(2026, 0, i + 1)).toISOString(),
        ...(run.commit === undefined ? {} : { commit: run.commit }),
        ...(run.regressed === undefined ? {} : { regressed: run.regressed }),
        metrics: Object.fromEntries(
          run.has.map((m) => [m, { summary: summarize([run.value]), values: [run.value] }]),
        ),
      })),
    }),
  );

describe("metricHistories", () => {
  it("gives every metric the history metricHistory gives it, resets and regression flags included", () => {
    fc.assert(
      fc.property(baselines, (baseline) => {
        const all = metricHistories(baseline);
        for (const metric of METRICS) {
          const one = metricHistory(baseline, metric);
          const many = all.get(metric) ?? { runs: [] };
          expect(many).toEqual(one);
        }
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
