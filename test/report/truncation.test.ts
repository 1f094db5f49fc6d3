import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render-report.js";
import { summaryLine } from "../../src/report/summary-line.js";
import { JOB_SUMMARY_LIMIT, PULL_REQUEST_COMMENT_LIMIT, type ReportInput } from "../../src/report/types.js";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import type { Verdict } from "../../src/stats/types.js";
import { loadReceiptFixture } from "../fixtures/receipts/make-receipt.js";
import { benchmark, metric, realisticComparison, reportOf, structure } from "./fixtures.js";

const links = {
  runUrl: "https://github.com/acme/vision/actions/runs/42",
  summaryUrl: "https://github.com/acme/vision/actions/runs/42#summary-7",
};

/** 2,000 benchmarks x 20 metrics: the first 40 regressed, every 100th failed, a few improved. */
function hugeInput(): ReportInput {
  const template = loadReceiptFixture("resnet50-a100.json");
  const receipts: ResultReceipt[] = [];
  const benchmarks = Array.from({ length: 2000 }, (_, b) => {
    const id = `suite/benchmark-${String(b).padStart(4, "0")}`;
    const verdictOf = (m: number): Verdict =>
      b < 40 && m < 2
        ? "regression"
        : b % 100 === 99
          ? "failed"
          : m === 19 && b % 7 === 0
            ? "improvement"
            : "unchanged";
    const comparisons = Array.from({ length: 20 }, (_, m) => metric(`metric_${m}`, verdictOf(m)));
    const failed = b % 100 === 99;
    const result = benchmark(
      id,
      comparisons,
      failed ? { status: "failed", statusReason: "exited with code 1" } : {},
    );
    receipts.push({ ...template, resultId: result.resultId, benchmark: { ...template.benchmark, id } });
    return result;
  });
  const history = () => Array.from({ length: 40 }, (_, i) => ({ label: `abc${i}`, value: 100 + (i % 5) }));
  return { report: reportOf(benchmarks), receipts, history, links };
}

const huge = hugeInput();
const full = renderReport(huge, { limit: Number.POSITIVE_INFINITY }).markdown;

function bytes(text: string): number {
  return Buffer.byteLength(text);
}

/** Every paragraph of the truncated text but the closing note is a whole paragraph of the full text. */
function expectWholeParagraphs(truncated: string, complete: string): void {
  const paragraphs = new Set(complete.trimEnd().split("\n\n"));
  const kept = truncated.trimEnd().split("\n\n").slice(0, -2);
  for (const p of kept) expect(paragraphs.has(p), p.slice(0, 200)).toBe(true);
}

describe.each([
  ["pull request comment", PULL_REQUEST_COMMENT_LIMIT],
  ["job summary", JOB_SUMMARY_LIMIT],
])("a huge report as a %s", (_, limit) => {
  const { markdown, truncated } = renderReport(huge, { limit });

  it("stays under the limit and says it was truncated", () => {
    expect(bytes(full)).toBeGreaterThan(limit);
    expect(bytes(markdown)).toBeLessThanOrEqual(limit);
    expect(truncated).toBe(true);
  });

  it("keeps the headline and the regressed and failed benchmarks first", () => {
    expect(markdown.startsWith(`${summaryLine(huge.report)}\n\n`)).toBe(true);
    expect(summaryLine(huge.report)).toContain("80 regressions in 40 benchmarks");
    expect(markdown).toContain("### ❌ `suite/benchmark-0000`");
    expect(markdown).toContain("### ❌ `suite/benchmark-0039`");
    expect(markdown).toContain("### ❌ `suite/benchmark-1999`");
    expect(markdown).toContain("> **Run failed**: exited with code 1");
  });

  it("never cuts a table, a details block or a code block", () => {
    const s = structure(markdown);
    expect(s.detailsOpen).toBe(s.detailsClose);
    expect(s.fences % 2).toBe(0);
    expectWholeParagraphs(markdown, full);
  });

  it("ends with a line pointing to the full report in the job summary", () => {
    expect(markdown.endsWith(`Full report in the job summary: ${links.summaryUrl}\n`)).toBe(true);
    expect(markdown).toMatch(
      /_Left out to stay under the size limit: .*\d,\d{3} benchmarks with only unchanged metrics.*, the run details\._\n\nFull report/,
    );
    expect(markdown).not.toContain("Run details (");
  });
});

it("keeps the trend charts in a job summary that had room for them", () => {
  const { markdown } = renderReport(huge, { limit: JOB_SUMMARY_LIMIT });
  expect(markdown.match(/```mermaid\nxychart-beta/g)).toHaveLength(80);
  expect(markdown).not.toMatch(/Left out.*trend chart/);
});

describe("truncation order", () => {
  const { receipts, report, history } = realisticComparison();
  const input: ReportInput = { report, receipts, history, links };
  const whole = renderReport(input, { limit: Number.POSITIVE_INFINITY }).markdown;

  it("leaves a report that fits untouched, without a pointer", () => {
    const { markdown, truncated } = renderReport(input, { limit: bytes(whole) });
    expect(markdown).toBe(whole);
    expect(truncated).toBe(false);
    expect(markdown).not.toContain("Full report in the job summary");
  });

  it("drops the run details first", () => {
    const { markdown } = renderReport(input, { limit: bytes(whole) - 1 });
    expect(markdown).not.toContain("Run details (");
    expect(markdown).toContain("unchanged metric</summary>");
    expect(markdown).toContain("```mermaid");
    expect(markdown).toContain("_Left out to stay under the size limit: the run details._");
  });

  it("then the unchanged metrics, then the trend charts", () => {
    const withoutDetails = renderReport(input, { limit: bytes(whole) - 1 }).markdown;
    const noUnchanged = renderReport(input, { limit: bytes(withoutDetails) - 1 }).markdown;
    expect(noUnchanged).not.toContain("unchanged metric</summary>");
    expect(noUnchanged).toContain("```mermaid");
    const noCharts = renderReport(input, { limit: bytes(noUnchanged) - 1 }).markdown;
    expect(noCharts).not.toContain("```mermaid");
    expect(noCharts).toContain("### ⚠️ `resnet50-training` on `gpu-h100");
    expect(noCharts).toContain("1 trend chart, the unchanged metrics of 1 benchmark, the run details");
  });

  it("then trailing benchmarks, counting the regressions left out", () => {
    const { markdown } = renderReport(input, { limit: 400 });
    expect(bytes(markdown)).toBeLessThanOrEqual(400);
    expect(markdown.startsWith(summaryLine(report))).toBe(true);
    expect(markdown).toContain("3 benchmarks (1 regression)");
    expect(markdown).toContain(`Full report in the job summary: ${links.summaryUrl}`);
  });

  it("points to the workflow run when there is no summary link", () => {
    const { markdown } = renderReport({ ...input, links: { runUrl: links.runUrl } }, { limit: 2000 });
    expect(markdown.endsWith(`Full report in the job summary: ${links.runUrl}\n`)).toBe(true);
  });
});
