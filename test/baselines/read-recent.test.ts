import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBaselineFile } from "../../src/baselines/files.js";
import { serializeBaseline } from "../../src/baselines/serialize.js";
import type { Baseline } from "../../src/baselines/types.js";
import { summarize } from "../../src/stats/summary.js";

/** A baseline big enough (several MB) that only its tail is read for recent runs. */
function bigBaseline(runs: number, metrics: number): Baseline {
  const names = Array.from({ length: metrics }, (_, m) => `metric_${m}`);
  return {
    schemaVersion: 2,
    benchmarkId: "wide",
    hardware: { slug: "cpu-x", fields: { cpu: "x" } },
    metrics: Object.fromEntries(names.map((n) => [n, { unit: "ms", direction: "lower_is_better" as const }])),
    resets: [],
    runs: Array.from({ length: runs }, (_, r) => ({
      resultId: `wide/run-${String(r).padStart(3, "0")}`,
      commit: `${String(r).padStart(7, "0")}${"a".repeat(33)}`,
      date: new Date(Date.UTC(2026, 0, 1, r)).toISOString(),
      metrics: Object.fromEntries(
        names.map((n, m) => {
          const values = [100 + r, 101 + r, 99 + r + m / 1000];
          return [n, { summary: summarize(values), values }];
        }),
      ),
    })),
  } as Baseline;
}

describe("reading only a baseline's recent runs", () => {
  it("gives exactly the newest runs of a large file, as a full read would", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "maat-recent-")), "big.json");
    writeFileSync(file, serializeBaseline(bigBaseline(100, 200)));
    const full = (await readBaselineFile(file))!;
    const recent = (await readBaselineFile(file, { recentRuns: 30 }))!;
    expect(recent.runs).toHaveLength(30);
    expect(recent.runs).toEqual(full.runs.slice(-30));
    expect({ ...recent, runs: [] }).toEqual({ ...full, runs: [] });
  });

  it("decodes only the newest runs when the whole history fits in one read of the tail", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "maat-recent-")), "medium.json");
    const text = serializeBaseline(bigBaseline(100, 120));
    // Between the whole-file read (256 KiB) and the first tail guess (1 MiB).
    expect(text.length).toBeGreaterThan(256 * 1024);
    expect(text.length).toBeLessThan(1024 * 1024);
    writeFileSync(file, text);
    const full = (await readBaselineFile(file))!;
    const recent = (await readBaselineFile(file, { recentRuns: 30 }))!;
    expect(recent.runs).toEqual(full.runs.slice(-30));
  });

  it("reads a large file that was edited out of the one-run-per-line layout in full", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "maat-recent-")), "edited.json");
    const baseline = bigBaseline(40, 200);
    writeFileSync(file, JSON.stringify(baseline, null, 2));
    const recent = (await readBaselineFile(file, { recentRuns: 10 }))!;
    expect(recent.runs.map((r) => r.resultId)).toEqual(baseline.runs.map((r) => r.resultId));
  });

  it("reads a small hand-formatted file in full", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "maat-recent-")), "pretty.json");
    writeFileSync(file, JSON.stringify(bigBaseline(12, 2), null, 2));
    expect((await readBaselineFile(file, { recentRuns: 5 }))!.runs).toHaveLength(12);
  });

  it("keeps every run of a small file when asked for more than it has", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "maat-recent-")), "small.json");
    writeFileSync(file, serializeBaseline(bigBaseline(5, 2)));
    expect((await readBaselineFile(file, { recentRuns: 30 }))!.runs).toHaveLength(5);
  });
});
