import { describe, expect, it } from "vitest";
import { resetBaseline } from "../../src/baselines/reset.js";
import { baselineStore } from "../../src/baselines/store.js";
import { compareReceipts } from "../../src/compare/compare-receipts.js";
import { loadReceiptFixture } from "../fixtures/receipts/make-receipt.js";
import { baselineOf, candidateAt, steadyReceipts } from "./history.js";

const a100History = baselineOf(steadyReceipts(30));
const h100History = baselineOf(steadyReceipts(30, 0.01, { fixture: "resnet50-h100.json" }));

function verdicts(report: ReturnType<typeof compareReceipts>): Record<string, string> {
  return Object.fromEntries(
    report.benchmarks.flatMap((b) => b.comparisons.map((c) => [c.metric, c.verdict])),
  );
}

describe("compareReceipts", () => {
  it("reports a 5% throughput drop at 1% noise, 5 repetitions, 30-run history as a regression", () => {
    const report = compareReceipts([candidateAt(0.95)], baselineStore([a100History]));
    expect(verdicts(report)).toEqual({ throughput: "regression", epoch_time: "unchanged" });
    const [benchmark] = report.benchmarks;
    expect(benchmark!.baselineHardware).toBe(a100History.hardware.slug);
    expect(benchmark!.comparisons[0]!.metric).toBe("throughput");
    expect(benchmark!.comparisons[0]!.relativeChange).toBeCloseTo(-0.05, 1);
    expect(report.totals).toMatchObject({ benchmarks: 1, regressions: 1, unchanged: 1 });
  });

  it("calls a run at the usual level unchanged", () => {
    const report = compareReceipts([candidateAt(1.0)], baselineStore([a100History]));
    expect(verdicts(report)).toEqual({ throughput: "unchanged", epoch_time: "unchanged" });
  });

  it("never compares across hardware: no-baseline names the hardware keys that have one", () => {
    const report = compareReceipts([candidateAt(1.0)], baselineStore([h100History]));
    const [benchmark] = report.benchmarks;
    expect(benchmark!.baselineHardware).toBeNull();
    expect(benchmark!.alternativeHardware).toEqual([h100History.hardware.slug]);
    for (const c of benchmark!.comparisons) {
      expect(c.verdict).toBe("no-baseline");
      expect(c.reason).toBe(
        `no baseline for this hardware; resnet50-training has baselines for: ${h100History.hardware.slug}`,
      );
    }
    expect(report.totals.noBaseline).toBe(2);
  });

  it("says when a benchmark has no baseline anywhere yet", () => {
    const report = compareReceipts([candidateAt(1.0)], baselineStore([]));
    expect(report.benchmarks[0]!.comparisons[0]!.reason).toMatch(/^no baseline for resnet50-training yet/);
  });

  it("marks every metric of a failed run as failed, with the run's reason", () => {
    const failed = loadReceiptFixture("resnet50-a100-failed.json");
    const report = compareReceipts([failed], baselineStore([a100History]));
    expect(report.benchmarks[0]!.status).toBe("failed");
    for (const c of report.benchmarks[0]!.comparisons) {
      expect(c.verdict).toBe("failed");
      expect(c.reason).toBe("the run failed: repetition 3 exited with code 1 (CUDA error: out of memory)");
    }
  });

  it("fails only the metric that went missing in a repetition", () => {
    const receipt = loadReceiptFixture("resnet50-a100-missing-metric.json");
    const report = compareReceipts([receipt], baselineStore([a100History]));
    const epoch = report.benchmarks[0]!.comparisons.find((c) => c.metric === "epoch_time")!;
    expect(epoch.verdict).toBe("failed");
    expect(epoch.reason).toBe("epoch_time has problems: missing in repetition 3");
    expect(verdicts(report).throughput).not.toBe("failed");
  });

  it("after an accepted reset with no new runs, says the baseline was reset", () => {
    const reset = resetBaseline(a100History, {
      metric: "throughput",
      fromCommit: "ffffffffff",
      by: "ada",
      reason: "slower kernels by design",
      date: "2024-05-30T00:00:00.000Z",
    });
    const report = compareReceipts([candidateAt(0.95)], baselineStore([reset]));
    const throughput = report.benchmarks[0]!.comparisons.find((c) => c.metric === "throughput")!;
    expect(throughput.verdict).toBe("no-baseline");
    expect(throughput.reason).toBe(
      "the baseline of throughput was reset from commit ffffffffff (slower kernels by design); no runs since",
    );
  });

  it("compares against the new level once runs after the reset exist", () => {
    const slower = steadyReceipts(6).map((r) => ({
      ...r,
      resultId: `${r.resultId}-slow`,
      startedAt: r.startedAt.replace("2024-04", "2024-05"),
      source: { ...r.source, commit: `5${r.source.commit!.slice(1)}` },
      metrics: {
        ...r.metrics,
        throughput: { ...r.metrics.throughput!, values: r.metrics.throughput!.values.map((v) => v * 0.95) },
      },
    }));
    const history = baselineOf([...steadyReceipts(30), ...slower]);
    const reset = resetBaseline(history, {
      metric: "throughput",
      fromCommit: slower[0]!.source.commit!,
      by: "ada",
      reason: "accepted",
      date: "2024-05-01T00:00:00.000Z",
    });
    const after = compareReceipts([candidateAt(0.95)], baselineStore([reset]));
    // Six runs at the new level: no regression against it, but too few to show it is within 2%.
    expect(verdicts(after).throughput).toBe("inconclusive");
    const throughput = after.benchmarks[0]!.comparisons.find((c) => c.metric === "throughput")!;
    expect(throughput.advice).toMatch(/baseline runs/);
    const baseline = throughput.baseline!;
    expect(baseline.runs).toBe(6);
    expect(baseline.level / 2840).toBeCloseTo(0.95, 2);
    // The reset is per metric: epoch time still sees the whole window.
    expect(after.benchmarks[0]!.comparisons.find((c) => c.metric === "epoch_time")!.baseline!.runs).toBe(30);
  });

  it("orders benchmarks with a regression first, then by id and metric", () => {
    const other = (receipt: ReturnType<typeof candidateAt>, id: string) => ({
      ...receipt,
      benchmark: { ...receipt.benchmark, id },
      resultId: `${id}/${receipt.resultId}`,
    });
    const steady = steadyReceipts(30);
    const store = baselineStore([
      a100History,
      baselineOf(steady.map((r) => other(r, "aaa-first"))),
      baselineOf(steady.map((r) => other(r, "zzz-last"))),
    ]);
    const report = compareReceipts(
      [other(candidateAt(1.0), "aaa-first"), other(candidateAt(0.95), "zzz-last"), candidateAt(1.0)],
      store,
    );
    expect(report.benchmarks.map((b) => b.benchmarkId)).toEqual([
      "zzz-last",
      "aaa-first",
      "resnet50-training",
    ]);
    expect(report.benchmarks[0]!.comparisons.map((c) => c.metric)).toEqual(["throughput", "epoch_time"]);
    expect(report.benchmarks[1]!.comparisons.map((c) => c.metric)).toEqual(["epoch_time", "throughput"]);
  });

  it("takes thresholds from the descriptor: a per-metric minimum effect above the change keeps it unchanged", () => {
    const candidate = candidateAt(0.95);
    candidate.descriptor = structuredClone(candidate.descriptor);
    candidate.descriptor.output.metrics.find((m) => m.name === "throughput")!.thresholds = { minEffect: 0.1 };
    const report = compareReceipts([candidate], baselineStore([a100History]));
    expect(verdicts(report).throughput).toBe("unchanged");
  });
});
