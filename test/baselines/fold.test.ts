import { describe, expect, it } from "vitest";
import { emptyBaseline, foldIntoBaseline } from "../../src/baselines/fold.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import type { Baseline } from "../../src/baselines/types.js";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { loadReceiptFixture, makeReceipt } from "../fixtures/receipts/make-receipt.js";

function emptyFor(receipt: ResultReceipt): Baseline {
  return emptyBaseline(receipt.benchmark.id, hardwareKey(receipt));
}

function nthRun(i: number): ResultReceipt {
  const day = String(i + 1).padStart(2, "0");
  return makeReceipt({
    resultId: `resnet50-training/run-${day}`,
    commit: `${day}aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
    startedAt: `2024-05-${day}T03:00:00.000Z`,
  });
}

describe("foldIntoBaseline", () => {
  it("adds a succeeded receipt as one run with a summary per metric", () => {
    const receipt = loadReceiptFixture("resnet50-a100.json");
    const { baseline, added } = foldIntoBaseline(emptyFor(receipt), receipt);
    expect(added).toBe(true);
    expect(baseline.runs).toHaveLength(1);
    const run = baseline.runs[0]!;
    expect(run).toMatchObject({
      resultId: receipt.resultId,
      commit: receipt.source.commit,
      date: receipt.startedAt,
    });
    expect(run.metrics.throughput!.values).toEqual(receipt.metrics.throughput!.values);
    expect(run.metrics.throughput!.summary.n).toBe(5);
    expect(run.metrics.throughput!.summary.mean).toBeCloseTo(2841.04, 6);
    expect(run.metrics.throughput!.summary.mad).toBeGreaterThan(0);
    expect(baseline.metrics).toEqual({
      epoch_time: { unit: "s", direction: "lower_is_better", aggregate: expect.any(String) },
      throughput: { unit: "images/sec", direction: "higher_is_better", aggregate: expect.any(String) },
    });
  });

  it("is idempotent: folding the same receipt twice changes nothing", () => {
    const receipt = loadReceiptFixture("resnet50-a100.json");
    const once = foldIntoBaseline(emptyFor(receipt), receipt).baseline;
    const twice = foldIntoBaseline(once, receipt);
    expect(twice.added).toBe(false);
    expect(twice.refused).toBeUndefined();
    expect(twice.baseline).toEqual(once);
  });

  it("refuses a failed receipt with its result id, status and reason", () => {
    const receipt = loadReceiptFixture("resnet50-a100-failed.json");
    const outcome = foldIntoBaseline(emptyFor(receipt), receipt);
    expect(outcome.added).toBe(false);
    expect(outcome.baseline.runs).toEqual([]);
    expect(outcome.refused).toBe(
      "result resnet50-training/20240614T030002Z-77aa0c1 failed: repetition 3 exited with code 1 " +
        "(CUDA error: out of memory); only succeeded runs join a baseline",
    );
  });

  it("refuses timed-out receipts too", () => {
    const receipt = makeReceipt({ status: "timed_out", reason: "repetition 1 ran past 30m" });
    expect(foldIntoBaseline(emptyFor(receipt), receipt).refused).toMatch(
      /timed out: repetition 1 ran past 30m/,
    );
  });

  it("leaves out a metric with a missing repetition but keeps the others", () => {
    const receipt = loadReceiptFixture("resnet50-a100-missing-metric.json");
    const outcome = foldIntoBaseline(emptyFor(receipt), receipt);
    expect(outcome.added).toBe(true);
    expect(Object.keys(outcome.baseline.runs[0]!.metrics)).toEqual(["throughput"]);
    expect(outcome.skippedMetrics).toEqual([{ metric: "epoch_time", reason: "missing in repetition 3" }]);
  });

  it("caps the history, rolling off the oldest runs", () => {
    let baseline = emptyFor(nthRun(0));
    for (let i = 0; i < 5; i++) baseline = foldIntoBaseline(baseline, nthRun(i), { maxRuns: 3 }).baseline;
    expect(baseline.runs.map((r) => r.resultId)).toEqual([
      "resnet50-training/run-03",
      "resnet50-training/run-04",
      "resnet50-training/run-05",
    ]);
    const next = foldIntoBaseline(baseline, nthRun(5), { maxRuns: 3 });
    expect(next.rolledOff).toEqual(["resnet50-training/run-03"]);
  });

  it("keeps runs in date order when an older receipt is folded late", () => {
    let baseline = emptyFor(nthRun(0));
    for (const i of [0, 2, 1]) baseline = foldIntoBaseline(baseline, nthRun(i)).baseline;
    expect(baseline.runs.map((r) => r.resultId.slice(-2))).toEqual(["01", "02", "03"]);
  });

  it("keeps at most maxValues raw values while summarizing all of them", () => {
    const values = Array.from({ length: 8 }, (_, i) => 100 + i);
    const receipt = makeReceipt({ values: { throughput: values, epoch_time: values } });
    const run = foldIntoBaseline(emptyFor(receipt), receipt, { maxValues: 3 }).baseline.runs[0]!;
    expect(run.metrics.throughput!.values).toEqual([100, 101, 102]);
    expect(run.metrics.throughput!.summary).toMatchObject({ n: 8, min: 100, max: 107, mean: 103.5 });
  });

  it("will not fold a receipt of other hardware into a baseline", () => {
    const a100 = loadReceiptFixture("resnet50-a100.json");
    const h100 = loadReceiptFixture("resnet50-h100.json");
    expect(() => foldIntoBaseline(emptyFor(a100), h100)).toThrow(/does not belong in the baseline/);
  });
});
