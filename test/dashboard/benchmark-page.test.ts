import { describe, expect, it } from "vitest";
import { benchmarkPage } from "../../src/dashboard/benchmark-page.js";
import { indexEntry } from "../../src/dashboard/index-entry.js";
import { renderBenchmarkPage } from "../../src/dashboard/render-benchmark.js";
import { renderIndexPage } from "../../src/dashboard/render-index.js";
import { generateBenchmark } from "../support/history-generator.js";

const shape = { benchmarks: 4, metrics: 2, runs: 90 };
const options = { generatedAt: "2026-03-01T00:00:00.000Z", repositoryUrl: "https://github.com/acme/models" };

describe("a benchmark's page data", () => {
  it("has every run's mean, the flagged regressions and the level shifts of each metric", () => {
    const [baseline] = generateBenchmark(shape, 0);
    const page = benchmarkPage("model-000", [baseline!], options);
    const throughput = page.hardware[0]!.metrics.find((m) => m.name === "throughput")!;
    expect(throughput.values).toHaveLength(90);
    expect(throughput.values[10]).toBeCloseTo(baseline!.runs[10]!.metrics.throughput!.summary.mean, 2);
    const flagged = baseline!.runs.flatMap((r, i) => (r.regressed?.includes("throughput") ? [i] : []));
    expect(throughput.regressed).toEqual(flagged);
    // The generator drops throughput at the first flagged run and restores it later.
    expect(throughput.changePoints.map((c) => c.kind)).toEqual(["regression", "improvement"]);
    expect(Math.abs(throughput.changePoints[0]!.index - flagged[0]!)).toBeLessThanOrEqual(1);
    expect(page.hardware[0]!.runs.commit[0]).toBe(baseline!.runs[0]!.commit);
  });

  it("draws the gate's band per stretch between change points, level ± the smallest change called", () => {
    const [baseline] = generateBenchmark(shape, 0);
    const { bands, changePoints } = benchmarkPage("model-000", [baseline!], options).hardware[0]!.metrics[1]!;
    expect(bands.map((b) => b.from)).toEqual([0, ...changePoints.map((c) => c.index)]);
    for (const band of bands) {
      expect(band.low).toBeLessThan(band.level);
      expect(band.high - band.level).toBeCloseTo(band.level - band.low, 2);
      // At least min_effect (2%) of the level wide on each side.
      expect(band.high - band.level).toBeGreaterThanOrEqual(0.02 * Math.abs(band.level) * 0.9999);
    }
  });

  it("judges the newest run against the runs before it, and the index counts the verdicts", () => {
    const baselines = generateBenchmark(shape, 1);
    const page = benchmarkPage("model-001", baselines, options);
    const first = page.hardware[0]!.metrics.find((m) => m.name === "throughput")!;
    expect(first.latest.verdict).toBe("regression");
    expect(first.latest.relativeChange).toBeLessThan(-0.05);
    const entry = indexEntry(page, "benchmarks/model-001.html");
    expect(entry).toMatchObject({
      worst: "regression",
      regressed: ["throughput"],
      hardwareKeys: 1,
      runs: 90,
    });
    expect(entry.lastRun?.commit).toBe(baselines[0]!.runs.at(-1)!.commit);
  });

  it("puts the hardware key with the newest run first", () => {
    const baselines = generateBenchmark(shape, 2);
    expect(baselines).toHaveLength(2);
    baselines[1]!.runs = baselines[1]!.runs.slice(0, 40);
    const page = benchmarkPage("model-002", baselines, options);
    expect(page.hardware.map((h) => h.slug)).toEqual([
      baselines[0]!.hardware.slug,
      baselines[1]!.hardware.slug,
    ]);
  });
});

describe("the pages' HTML", () => {
  it("escapes text from the history and links only inside the site (works offline)", () => {
    const [baseline] = generateBenchmark(shape, 0);
    baseline!.metrics.throughput!.unit = '<img src=x onerror="alert(1)">/s';
    const page = benchmarkPage("model-000", [baseline!], options);
    const html = renderBenchmarkPage(page, { next: "model-001.html" });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;/s");
    const index = renderIndexPage({
      title: "<Bench>",
      generatedAt: options.generatedAt,
      benchmarks: [indexEntry(page, "benchmarks/model-000.html")],
    });
    expect(index).toContain("<title>&lt;Bench&gt;</title>");
    const counted = renderIndexPage({
      title: "t",
      generatedAt: options.generatedAt,
      benchmarks: [
        {
          id: "x",
          page: "benchmarks/x.html",
          hardwareKeys: 1,
          metrics: 3,
          runs: 9,
          verdicts: { regression: 2, unchanged: 1 },
          worst: "regression",
          regressed: ["a", "b"],
        },
      ],
    });
    expect(counted).toContain("2 regressions, 1 unchanged");
    for (const text of [html, index]) {
      const references = [...text.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
      expect(references.filter((r) => /^[a-z]+:\/\//.test(r))).toEqual([]);
    }
  });
});
