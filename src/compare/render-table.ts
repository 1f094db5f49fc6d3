import type { MetricComparison, Verdict } from "../stats/types.js";
import { describeDescriptorChanges } from "./descriptor-changes.js";
import { type ComparisonRow, comparisonRows, describeTotals, ROW_HEADINGS } from "./rows.js";
import type { BenchmarkComparison, ComparisonReport } from "./types.js";

/** An extra column: a small chart per metric (see src/cli/sparkline.ts). */
export type TrendCell = (benchmark: BenchmarkComparison, comparison: MetricComparison) => string;

const COLOR: Record<Verdict, string> = {
  regression: "\u001b[31m",
  improvement: "\u001b[32m",
  unchanged: "",
  inconclusive: "\u001b[33m",
  "no-baseline": "\u001b[2m",
  failed: "\u001b[31m",
  incomparable: "\u001b[31m",
};
const RESET = "\u001b[0m";

/**
 * The verdict table for a terminal, then one note per metric that is not simply
 * unchanged (the reason behind the verdict), then the totals.
 */
export function renderComparisonTable(
  report: ComparisonReport,
  options: { colors?: boolean; trend?: TrendCell } = {},
): string {
  const rows = comparisonRows(report);
  if (rows.length === 0) return `Nothing to compare: ${describeTotals(report)}.\n`;
  // One trend per row, in comparisonRows' order (benchmarks, then their comparisons).
  const trends =
    options.trend && report.benchmarks.flatMap((b) => b.comparisons.map((c) => options.trend!(b, c)));
  const headings = trends ? [...ROW_HEADINGS, "Trend"] : ROW_HEADINGS;
  const cells = rows.map((r, i) => [
    r.benchmark,
    r.metric,
    r.baseline,
    r.candidate,
    r.change,
    r.verdict,
    r.detects,
    ...(trends ? [trends[i] ?? ""] : []),
  ]);
  const widths = headings.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const out = [line(headings), line(widths.map((w) => "-".repeat(w)))];
  rows.forEach((row, i) => {
    const text = line(cells[i]!);
    out.push(options.colors ? colorVerdict(text, row) : text);
  });
  const notes = rows.filter((r) => r.verdict !== "unchanged" && r.reason !== "");
  if (notes.length > 0) {
    out.push("", ...notes.map((r) => `${r.benchmark} ${r.metric}: ${r.verdict}: ${r.reason}`));
  }
  for (const b of report.benchmarks) {
    if (b.descriptorChanges?.length)
      out.push("", `${b.benchmarkId}: ${describeDescriptorChanges(b.descriptorChanges)}`);
  }
  out.push("", `${describeTotals(report)}.`);
  return `${out.join("\n")}\n`;
}

function colorVerdict(text: string, row: ComparisonRow): string {
  const color = COLOR[row.verdict];
  if (color === "") return text;
  const at = text.lastIndexOf(row.verdict, text.length - row.detects.length - 1);
  return `${text.slice(0, at)}${color}${row.verdict}${RESET}${text.slice(at + row.verdict.length)}`;
}
