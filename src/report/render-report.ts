import { TREND_CHART_RUNS } from "../compare/history-window.js";
import type { BenchmarkComparison, ComparisonReport } from "../compare/types.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import type { MetricComparison } from "../stats/types.js";
import { renderBenchmarkSection } from "./benchmark-section.js";
import { fitToLimit, type LeftOut, type ReportBlock } from "./fit-to-limit.js";
import { count, inline } from "./markdown-text.js";
import { renderReceiptDetails } from "./receipt-details.js";
import { runFailed, summaryLine } from "./summary-line.js";
import { renderTrendChart } from "./trend-chart.js";
import {
  PULL_REQUEST_COMMENT_LIMIT,
  type RenderedReport,
  type ReportInput,
  type ReportLinks,
  type ReportOptions,
} from "./types.js";

/** How many baseline runs a trend chart shows before this run. */
const TREND_POINTS = TREND_CHART_RUNS;

/**
 * The comparison as Markdown for a pull request comment (`limit` PULL_REQUEST_COMMENT_LIMIT)
 * or the job summary (`limit` JOB_SUMMARY_LIMIT): the headline, a table per benchmark
 * (regressions first, unchanged metrics collapsed), a trend chart per regression, links and
 * the receipts' details. Over the limit, whole parts are left out (run details, then
 * unchanged metrics and benchmarks with nothing else, then charts, then trailing
 * benchmarks) and a last line points to the full report.
 */
export function renderReport(input: ReportInput, options: ReportOptions = {}): RenderedReport {
  const { report } = input;
  const receipts = new Map(input.receipts.map((r) => [r.resultId, r]));
  const headline = input.title ? `## ${inline(input.title)}\n\n${summaryLine(report)}` : summaryLine(report);
  const blocks: ReportBlock[] = [{ kind: "fixed", text: headline }];
  for (const benchmark of urgentFirst(report)) {
    const section = renderBenchmarkSection(benchmark, report);
    if (section.onlyUnchanged) {
      // Nothing a reviewer must see: leaves with the other unchanged metrics, heading and all.
      blocks.push({
        kind: "unchanged",
        text: `${section.table}\n\n${section.unchanged}`,
        wholeBenchmark: true,
      });
      continue;
    }
    blocks.push({ kind: "benchmark", text: section.table, regressions: section.regressions.length });
    for (const regression of section.regressions) {
      const chart = trendChart(input, benchmark, regression, receipts.get(benchmark.resultId));
      if (chart !== undefined) blocks.push({ kind: "chart", text: chart });
    }
    if (section.unchanged !== undefined) blocks.push({ kind: "unchanged", text: section.unchanged });
  }
  const links = renderLinks(input.links);
  if (links !== "") blocks.push({ kind: "fixed", text: links });
  if (input.receipts.length > 0)
    blocks.push({ kind: "receipts", text: renderReceiptDetails(input.receipts) });
  return fitToLimit(blocks, options.limit ?? PULL_REQUEST_COMMENT_LIMIT, (leftOut) =>
    describeLeftOut(leftOut, input.links),
  );
}

/** Benchmarks with a regression, then failed runs, then the rest, each in the report's order. */
function urgentFirst(report: ComparisonReport): BenchmarkComparison[] {
  const rank = (b: BenchmarkComparison) =>
    b.comparisons.some((c) => c.verdict === "regression") ? 0 : runFailed(b) ? 1 : 2;
  return [...report.benchmarks].sort((a, b) => rank(a) - rank(b));
}

function trendChart(
  input: ReportInput,
  benchmark: BenchmarkComparison,
  comparison: MetricComparison,
  receipt: ResultReceipt | undefined,
): string | undefined {
  if (comparison.candidate === undefined) return undefined;
  const hardware = benchmark.baselineHardware ?? benchmark.hardware.slug;
  const points = input.history(benchmark.benchmarkId, hardware, comparison.metric).slice(-TREND_POINTS);
  if (points.length === 0) return undefined;
  const current = { label: receipt?.source.commit?.slice(0, 7) ?? "", value: comparison.candidate.mean };
  return renderTrendChart(comparison.metric, comparison.unit, points, current);
}

function renderLinks(links: ReportLinks): string {
  const parts: string[] = [];
  if (links.runUrl) parts.push(`[Workflow run](${safeUrl(links.runUrl)})`);
  if (links.artifactsUrl) parts.push(`[Artifacts](${safeUrl(links.artifactsUrl)})`);
  return parts.join(" · ");
}

function describeLeftOut(leftOut: LeftOut, links: ReportLinks): string {
  const parts: string[] = [];
  if (leftOut.benchmarks > 0) {
    const regressions = leftOut.regressions > 0 ? ` (${count(leftOut.regressions, "regression")})` : "";
    parts.push(`${count(leftOut.benchmarks, "benchmark")}${regressions}`);
  }
  if (leftOut.charts > 0) parts.push(count(leftOut.charts, "trend chart"));
  if (leftOut.unchangedBenchmarks > 0) {
    parts.push(`${count(leftOut.unchangedBenchmarks, "benchmark")} with only unchanged metrics`);
  }
  if (leftOut.unchanged > 0) parts.push(`the unchanged metrics of ${count(leftOut.unchanged, "benchmark")}`);
  if (leftOut.receipts) parts.push("the run details");
  const url = links.summaryUrl ?? links.runUrl;
  const pointer = url ? `Full report in the job summary: ${safeUrl(url)}` : "Full report in the job summary.";
  return `_Left out to stay under the size limit: ${parts.join(", ")}._\n\n${pointer}`;
}

/** A URL that cannot end a Markdown link or break the line early. */
function safeUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
