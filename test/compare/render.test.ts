import { describe, expect, it } from "vitest";
import { baselineStore } from "../../src/baselines/store.js";
import { compareReceipts } from "../../src/compare/compare-receipts.js";
import { renderComparisonMarkdown } from "../../src/compare/render-markdown.js";
import { renderComparisonTable } from "../../src/compare/render-table.js";
import { loadReceiptFixture } from "../fixtures/receipts/make-receipt.js";
import { baselineOf, candidateAt, steadyReceipts } from "./history.js";

const store = baselineStore([baselineOf(steadyReceipts(30))]);
const regressed = compareReceipts([candidateAt(0.95)], store);

describe("renderComparisonTable", () => {
  it("shows baseline level ± spread (runs), this run's mean and CI, the change and the verdict", () => {
    const text = renderComparisonTable(regressed);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^Benchmark\s+Metric\s+Baseline\s+This run\s+Change\s+Verdict\s+Detects$/);
    const row = lines.find((l) => l.includes("throughput"))!;
    expect(row).toMatch(/resnet50-training\s+throughput \(images\/sec\)\s+28\d\d ± [\d.]+ \(30 runs\)/);
    expect(row).toMatch(
      /27\d\d \[\d+, \d+\]\s+-[45]\.\d% \(95% CI -\d\.\d% to -\d\.\d%\)\s+regression\s+±\d+\.\d%$/,
    );
    expect(text).toContain("1 regression, 1 unchanged across 1 benchmark.");
    expect(text).not.toContain("\u001b[");
  });

  it("colours verdicts only when asked", () => {
    expect(renderComparisonTable(regressed, { colors: true })).toContain("\u001b[31mregression\u001b[0m");
  });

  it("explains verdicts that are not simply unchanged below the table", () => {
    const failed = compareReceipts([loadReceiptFixture("resnet50-a100-failed.json")], store);
    expect(renderComparisonTable(failed)).toContain(
      "resnet50-training throughput (images/sec): failed: the run failed: repetition 3 exited with code 1",
    );
  });
});

describe("renderComparisonMarkdown", () => {
  it("renders a GitHub table with one row per metric and the totals in bold", () => {
    const text = renderComparisonMarkdown(regressed);
    const tableLines = text.split("\n").filter((l) => l.startsWith("|"));
    expect(tableLines).toHaveLength(4); // heading, delimiter, two metrics
    expect(tableLines[0]).toMatch(
      /^\| Benchmark +\| Metric +\| Baseline +\| This run +\| Change +\| Verdict +\| Detects +\|$/,
    );
    expect(tableLines[2]).toContain("🔴 regression");
    expect(text.startsWith("**1 regression, 1 unchanged across 1 benchmark**")).toBe(true);
  });
});

describe("comparison rows", () => {
  it("name the hardware key when one benchmark was compared on several machines", () => {
    const report = compareReceipts([candidateAt(1.0), loadReceiptFixture("resnet50-h100.json")], store);
    const text = renderComparisonTable(report);
    expect(text).toMatch(/^resnet50-training @ gpu-a100-\S+\s+throughput/m);
    expect(text).toMatch(/^resnet50-training @ gpu-h100-\S+\s+throughput/m);
    expect(renderComparisonTable(regressed)).toMatch(/^resnet50-training\s+throughput/m);
  });
});
