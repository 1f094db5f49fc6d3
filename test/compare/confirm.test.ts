import { describe, expect, it } from "vitest";
import { baselineStore } from "../../src/baselines/store.js";
import { compareReceipts } from "../../src/compare/compare-receipts.js";
import { suspectBenchmarks } from "../../src/compare/confirm.js";
import { mergeReceipts } from "../../src/compare/merge-receipts.js";
import { loadReceiptFixture, makeReceipt } from "../fixtures/receipts/make-receipt.js";
import { baselineOf, candidateAt, steadyReceipts } from "./history.js";

describe("suspectBenchmarks", () => {
  const store = baselineStore([baselineOf(steadyReceipts(30))]);

  it("lists benchmarks with a regression for a confirmation re-run", () => {
    expect(suspectBenchmarks(compareReceipts([candidateAt(0.95)], store))).toEqual(["resnet50-training"]);
  });

  it("lists nothing when every metric is unchanged", () => {
    expect(suspectBenchmarks(compareReceipts([candidateAt(1.0)], store))).toEqual([]);
  });

  it("lists benchmarks with a suspicious comparison", () => {
    const report = compareReceipts([candidateAt(1.0)], store);
    report.benchmarks[0]!.comparisons[1]!.suspicious = true;
    expect(suspectBenchmarks(report)).toEqual(["resnet50-training"]);
  });
});

describe("mergeReceipts", () => {
  it("merges the repetitions and recomputes the metric summaries", () => {
    const first = makeReceipt({ values: { throughput: [100, 102, 104], epoch_time: [10, 10, 10] } });
    const again = makeReceipt({ resultId: "rerun", values: { throughput: [98, 96], epoch_time: [11, 11] } });
    const merged = mergeReceipts(first, [again]);
    expect(merged.resultId).toBe(first.resultId);
    expect(merged.metrics.throughput).toMatchObject({
      values: [100, 102, 104, 98, 96],
      n: 5,
      mean: 100,
      median: 100,
    });
    expect(merged.metrics.throughput!.min).toBe(96);
    expect(merged.metrics.epoch_time!.stddev).toBeCloseTo(0.5477, 4);
    const measured = merged.repetitions.filter((r) => !r.warmup).map((r) => r.index);
    expect(measured).toEqual([1, 2, 3, 4, 5]);
    expect(merged.repetitions.filter((r) => r.warmup).map((r) => r.index)).toEqual([1, 2]);
    expect(merged.settings.repetitions).toBe(5);
  });

  it("renumbers problems to the merged repetition indices", () => {
    const first = loadReceiptFixture("resnet50-a100.json");
    const missing = loadReceiptFixture("resnet50-a100-missing-metric.json");
    const merged = mergeReceipts(first, [missing]);
    expect(merged.metrics.epoch_time!.problems).toEqual([{ repetition: 8, problem: "missing" }]);
  });

  it("is failed when any merged run failed", () => {
    const merged = mergeReceipts(loadReceiptFixture("resnet50-a100.json"), [
      loadReceiptFixture("resnet50-a100-failed.json"),
    ]);
    expect(merged.status).toBe("failed");
    expect(merged.reason).toMatch(/CUDA error/);
  });

  it("refuses to merge different benchmarks", () => {
    const other = makeReceipt();
    other.benchmark = { ...other.benchmark, id: "bert-inference" };
    expect(() => mergeReceipts(makeReceipt(), [other])).toThrow(/cannot merge/);
  });
});
