import { baselineStore } from "../../src/baselines/store.js";
import type { Baseline } from "../../src/baselines/types.js";
import { compareReceipts, countTotals } from "../../src/compare/compare-receipts.js";
import type { BenchmarkComparison, ComparisonReport } from "../../src/compare/types.js";
import type { TrendPoint } from "../../src/report/types.js";
import type { MetricComparison, Verdict } from "../../src/stats/types.js";
import { baselineOf, candidateAt, steadyReceipts } from "../compare/history.js";
import { loadReceiptFixture } from "../fixtures/receipts/make-receipt.js";

/** 30 nightly runs of resnet50-training on the A100 runner. */
export const a100Baseline: Baseline = baselineOf(steadyReceipts(30));

/** Reads trend points from in-memory baselines, the way the action reads them from baseline files. */
export function historyOf(baselines: readonly Baseline[]) {
  return (benchmarkId: string, hardwareSlug: string, metric: string): TrendPoint[] => {
    const baseline = baselines.find((b) => b.benchmarkId === benchmarkId && b.hardware.slug === hardwareSlug);
    return (baseline?.runs ?? []).flatMap((run) => {
      const m = run.metrics[metric];
      return m === undefined
        ? []
        : [{ label: run.commit?.slice(0, 7) ?? run.date.slice(0, 10), value: m.summary.mean }];
    });
  };
}

/** A real comparison: a 5% throughput drop on the A100, a failed run, and a run on H100 (no baseline there). */
export function realisticComparison() {
  const receipts = [
    candidateAt(0.95),
    loadReceiptFixture("resnet50-a100-failed.json"),
    loadReceiptFixture("resnet50-h100.json"),
  ];
  const report = compareReceipts(receipts, baselineStore([a100Baseline]));
  return { receipts, report, history: historyOf([a100Baseline]) };
}

/** A metric comparison with a verdict and plausible numbers. */
export function metric(
  name: string,
  verdict: Verdict,
  overrides: Partial<MetricComparison> = {},
): MetricComparison {
  const change = verdict === "regression" ? -0.05 : verdict === "improvement" ? 0.04 : 0.001;
  const known = verdict !== "no-baseline" && verdict !== "failed";
  return {
    benchmarkId: "bench",
    metric: name,
    unit: "ms",
    direction: "lower_is_better",
    verdict,
    reason: verdict === "inconclusive" ? "only 2 baseline runs; at least 5 are needed" : `${verdict} reason`,
    ...(known
      ? {
          baseline: { runs: 30, level: 100, mean: 100, sigma: 1, robustSigma: 1 },
          candidate: { n: 5, mean: 100 * (1 + change), ciLow: 99 * (1 + change), ciHigh: 101 * (1 + change) },
          relativeChange: change,
          relativeChangeCi: [change - 0.01, change + 0.01] as [number, number],
        }
      : {}),
    ...overrides,
  };
}

/** One benchmark's comparison on a made-up A100 key. */
export function benchmark(
  id: string,
  comparisons: MetricComparison[],
  overrides: Partial<BenchmarkComparison> = {},
): BenchmarkComparison {
  return {
    benchmarkId: id,
    resultId: `${id}/20240612T030001Z-9f3e2ab`,
    status: "succeeded",
    hardware: { fields: { runner: "gpu-a100" }, slug: "gpu-a100-3fa9c2d1" },
    baselineHardware: "gpu-a100-3fa9c2d1",
    alternativeHardware: [],
    comparisons: comparisons.map((c) => ({ ...c, benchmarkId: id })),
    ...overrides,
  };
}

/** A report over the given benchmarks, with totals counted the way compareReceipts counts them. */
export function reportOf(benchmarks: BenchmarkComparison[]): ComparisonReport {
  const totals = countTotals(benchmarks);
  return { benchmarks, totals };
}

/** Counts of the structures truncation must never cut. */
export function structure(markdown: string) {
  return {
    detailsOpen: (markdown.match(/<details>/g) ?? []).length,
    detailsClose: (markdown.match(/<\/details>/g) ?? []).length,
    fences: (markdown.match(/^```/gm) ?? []).length,
  };
}
