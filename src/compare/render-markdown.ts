import { markdownTable } from "markdown-table";
import type { Verdict } from "../stats/types.js";
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
      [code(r.benchmark), r.metric, r.baseline, r.candidate, r.change, BADGE[r.verdict], r.detects].map(
        escapePipes,
      ),
    ),
  ]);
  const notes = rows
    .filter((r) => r.verdict !== "unchanged" && r.reason !== "")
    .map((r) => `- ${code(r.benchmark)} ${r.metric}: ${escapeMarkdown(r.reason)}`);
  const parts = [`**${describeTotals(report)}**`, table];
  if (notes.length > 0) parts.push(notes.join("\n"));
  return `${parts.join("\n\n")}\n`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function escapePipes(cell: string): string {
  return cell.replace(/\|/g, "\\|");
}

/** Reasons are plain sentences; keep them from starting Markdown constructs or breaking tables. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}
