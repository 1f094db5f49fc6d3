import { markdownTable } from "markdown-table";
import { cell, code, escapeMarkdown } from "../markdown/escape.js";
import type { Verdict } from "../stats/types.js";
import { describeDescriptorChanges } from "./descriptor-changes.js";
import { comparisonRows, describeTotals, ROW_HEADINGS } from "./rows.js";
import type { ComparisonReport } from "./types.js";

const BADGE: Record<Verdict, string> = {
  regression: "🔴 regression",
  improvement: "🟢 improvement",
  unchanged: "⚪ unchanged",
  inconclusive: "🟡 inconclusive",
  "no-baseline": "⚫ no baseline",
  failed: "❌ failed",
  incomparable: "🟠 incomparable",
};

/** The verdict table as GitHub-flavoured Markdown, with the reasons of non-unchanged verdicts below. */
export function renderComparisonMarkdown(report: ComparisonReport): string {
  const rows = comparisonRows(report);
  if (rows.length === 0) return `Nothing to compare: ${describeTotals(report)}.\n`;
  const table = markdownTable([
    [...ROW_HEADINGS],
    ...rows.map((r) =>
      [
        code(r.benchmark),
        escapeMarkdown(r.metric),
        escapeMarkdown(r.baseline),
        escapeMarkdown(r.candidate),
        escapeMarkdown(r.change),
        BADGE[r.verdict],
        escapeMarkdown(r.detects),
      ].map(cell),
    ),
  ]);
  const notes = rows
    .filter((r) => r.verdict !== "unchanged" && r.reason !== "")
    .map((r) => `- ${code(r.benchmark)} ${escapeMarkdown(r.metric)}: ${escapeMarkdown(r.reason)}`);
  const changed = report.benchmarks
    .filter((b) => b.descriptorChanges?.length)
    .map(
      (b) => `- ${code(b.benchmarkId)}: ${escapeMarkdown(describeDescriptorChanges(b.descriptorChanges!))}`,
    );
  const parts = [`**${escapeMarkdown(describeTotals(report))}**`, table];
  if (changed.length > 0) parts.push(changed.join("\n"));
  if (notes.length > 0) parts.push(notes.join("\n"));
  return `${parts.join("\n\n")}\n`;
}
