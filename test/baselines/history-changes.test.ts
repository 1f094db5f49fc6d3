import { describe, expect, it } from "vitest";
import { historyChanges } from "../../src/baselines/history-changes.js";
import type { Baseline } from "../../src/baselines/types.js";
import { renderBaseline } from "../../src/compare/render-baseline.js";
import { summarize } from "../../src/stats/summary.js";

/** 40 accepted runs of a latency; from run 20 on it is 8% slower. */
function steppedBaseline(): Baseline {
  let seed = 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed / 2 ** 31 - 0.5) * 0.01;
  };
  return {
    schemaVersion: 2,
    benchmarkId: "serve",
    hardware: { slug: "g5-12xlarge-1a2b3c4d", fields: { instanceType: "g5.12xlarge" } },
    metrics: { latency_ms: { unit: "ms", direction: "lower_is_better" } },
    resets: [],
    runs: Array.from({ length: 40 }, (_, r) => {
      const level = r < 20 ? 10 : 10.8;
      const values = [0, 1, 2].map(() => level * (1 + noise()));
      return {
        resultId: `serve/run-${r}`,
        commit: `${String(r).padStart(4, "0")}${"f".repeat(36)}`,
        date: new Date(Date.UTC(2026, 9, 1 + r)).toISOString(),
        metrics: { latency_ms: { summary: summarize(values), values } },
      };
    }),
  } as Baseline;
}

describe("level shifts in a baseline's history", () => {
  it("finds the step and attributes it to the commits around it", () => {
    const [change, ...others] = historyChanges(steppedBaseline());
    expect(others).toEqual([]);
    expect(change).toMatchObject({ metric: "latency_ms", kind: "regression" });
    expect(change!.relativeChange).toBeCloseTo(0.08, 2);
    expect(change!.commitRange).toBe("0019ffffffff...0020ffffffff");
  });

  it("finds nothing in a stable history", () => {
    const stable = steppedBaseline();
    stable.runs = stable.runs.slice(0, 20);
    expect(historyChanges(stable)).toEqual([]);
  });

  it("are listed by `maat baseline show`", () => {
    const text = renderBaseline(steppedBaseline());
    expect(text).toContain("Level shifts in the history:");
    expect(text).toMatch(/latency_ms\s+\+8\.\d%\s+regression\s+0019ffffffff\.\.\.0020ffffffff/);
  });
});
