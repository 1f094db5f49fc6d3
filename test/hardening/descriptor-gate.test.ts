import { describe, expect, it } from "vitest";
import { emptyBaseline, foldIntoBaseline } from "../../src/baselines/fold.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import { resetBaseline } from "../../src/baselines/reset.js";
import { baselineStore } from "../../src/baselines/store.js";
import { compareReceipts } from "../../src/compare/compare-receipts.js";
import { gateFailures } from "../../src/compare/gate.js";
import { renderComparisonMarkdown } from "../../src/compare/render-markdown.js";
import { renderComparisonTable } from "../../src/compare/render-table.js";
import { contentHash } from "../../src/descriptor/content-hash.js";
import { renderReport } from "../../src/report/index.js";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { baselineOf, candidateAt, steadyReceipts } from "../compare/history.js";

// Issue 10, item 1: a pull request that edits its own descriptor must not decide its verdict.
const history = steadyReceipts(12);

/** The candidate with its descriptor edited, and the content hash a real descriptor would then have. */
function edited(receipt: ResultReceipt, edit: (d: ResultReceipt["descriptor"]) => void): ResultReceipt {
  const copy = structuredClone(receipt);
  edit(copy.descriptor);
  const { id: _id, path: _path, contentHash: _hash, ...content } = copy.descriptor;
  copy.descriptor.contentHash = contentHash(content);
  return copy;
}

function renameMetric(receipt: ResultReceipt, from: string, to: string): ResultReceipt {
  const copy = edited(receipt, (d) => {
    d.output.metrics.find((m) => m.name === from)!.name = to;
  });
  copy.metrics[to] = { ...copy.metrics[from]!, name: to };
  delete copy.metrics[from];
  return copy;
}

const flipDirection = (d: ResultReceipt["descriptor"]) => {
  d.output.metrics.find((m) => m.name === "throughput")!.direction = "lower_is_better";
};

describe("a descriptor edited since the baseline", () => {
  it("flipping direction makes a 29% regression incomparable (failing), not an improvement", () => {
    const report = compareReceipts(
      [edited(candidateAt(0.71), flipDirection)],
      baselineStore([baselineOf(history)]),
    );
    const throughput = report.benchmarks[0]!.comparisons.find((c) => c.metric === "throughput")!;
    expect(throughput.verdict).toBe("incomparable");
    expect(throughput.reason).toContain("direction higher_is_better → lower_is_better");
    expect(throughput.reason).toContain("maat baseline accept resnet50-training --metric throughput");
    expect(report.totals.improvements).toBe(0);
    expect(report.benchmarks[0]!.descriptorChanges).toEqual([
      { field: "output.metrics.throughput.direction", before: "higher_is_better", after: "lower_is_better" },
    ]);
    expect(gateFailures(report).join("\n")).toContain("1 metric(s) changed meaning since the baseline");
    expect(gateFailures(report, { failOnIncomparable: false })).toEqual([]);
  });

  it("the comparison uses the direction the baseline recorded", () => {
    // Direction flipped AND unit changed back: still judged as throughput, higher is better.
    const report = compareReceipts([candidateAt(0.71)], baselineStore([baselineOf(history)]));
    expect(report.benchmarks[0]!.comparisons[0]).toMatchObject({
      metric: "throughput",
      verdict: "regression",
    });
  });

  it("renaming a metric fails the check: the old one disappeared", () => {
    const report = compareReceipts(
      [renameMetric(candidateAt(0.71), "throughput", "images_per_second")],
      baselineStore([baselineOf(history)]),
    );
    const [benchmark] = report.benchmarks;
    expect(benchmark!.disappearedMetrics).toEqual(["throughput"]);
    expect(benchmark!.comparisons.find((c) => c.metric === "throughput")).toMatchObject({
      verdict: "failed",
    });
    expect(benchmark!.comparisons.find((c) => c.metric === "images_per_second")!.verdict).toBe("no-baseline");
    expect(gateFailures(report)).toContain(
      "resnet50-training no longer measures throughput, which has a baseline",
    );
  });

  it("changing framework_version does not escape the baseline: incomparable, with the change named", () => {
    const bumped = edited(candidateAt(0.71), (d) => {
      d.ml.frameworkVersion = "2.4.0";
    });
    expect(hardwareKey(bumped).slug).not.toBe(hardwareKey(history[0]!).slug);
    const report = compareReceipts([bumped], baselineStore([baselineOf(history)]));
    const [benchmark] = report.benchmarks;
    expect(benchmark!.comparisons.map((c) => c.verdict)).toEqual(["incomparable", "incomparable"]);
    expect(benchmark!.descriptorChanges).toContainEqual({
      field: "ml.framework_version",
      before: "2.3.1",
      after: "2.4.0",
    });
    expect(gateFailures(report)).not.toEqual([]);
  });

  it("a changed descriptor is reported, and the verdict still stands", () => {
    const argsChanged = edited(candidateAt(0.71), (d) => {
      d.ml.args = "--batch-size 512";
    });
    const report = compareReceipts([argsChanged], baselineStore([baselineOf(history)]));
    expect(report.benchmarks[0]!.comparisons[0]!.verdict).toBe("regression");
    expect(renderComparisonTable(report)).toContain(
      'resnet50-training: descriptor changed since the baseline: ml.args (unset → "--batch-size 512")',
    );
    expect(renderComparisonMarkdown(report)).toContain("🔴 regression");
    const pr = renderReport({
      report,
      receipts: [argsChanged],
      history: () => [],
      links: {},
      title: "t",
    }).markdown;
    expect(pr).toContain("Descriptor changed since the baseline:** `ml.args`");
  });

  it("an accepted change (maat baseline accept) lets the new meaning pass and join the baseline", () => {
    const flipped = edited(candidateAt(0.71), flipDirection);
    const accepted = resetBaseline(baselineOf(history), {
      metric: "throughput",
      fromCommit: flipped.source.commit!,
      by: "ada",
      reason: "now a time per image",
      date: "2024-05-30T00:00:00.000Z",
    });
    const report = compareReceipts([flipped], baselineStore([accepted]));
    expect(report.benchmarks[0]!.comparisons.find((c) => c.metric === "throughput")!.verdict).toBe(
      "no-baseline",
    );
    expect(gateFailures(report)).toEqual([]);
    const folded = foldIntoBaseline(accepted, flipped);
    expect(folded.skippedMetrics).toEqual([]);
    expect(folded.baseline.metrics.throughput!.direction).toBe("lower_is_better");
  });

  it("folding refuses a metric whose meaning changed until it is accepted", () => {
    const baseline = baselineOf(history);
    const folded = foldIntoBaseline(baseline, edited(candidateAt(1.0), flipDirection));
    expect(folded.skippedMetrics).toEqual([
      {
        metric: "throughput",
        reason: expect.stringContaining("its meaning changed since the baseline (direction"),
      },
    ]);
    expect(folded.baseline.metrics.throughput!.direction).toBe("higher_is_better");
    expect(emptyBaseline("x", hardwareKey(history[0]!)).metrics).toEqual({});
  });
});
