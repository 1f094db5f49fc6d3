import { cell, code, escapeMarkdown } from "../markdown/escape.js";
import type { PlanEntry, SkippedBenchmark } from "./types.js";

/** The plan as a human reads it: what runs, where and why, then what was skipped and why. */
export function renderPlanSummary(
  title: string,
  entries: PlanEntry[],
  skipped: SkippedBenchmark[],
  notes: string[],
): string {
  const lines = [`### Maat run plan: ${title}`, ""];
  const count = (n: number) => `${n} benchmark${n === 1 ? "" : "s"}`;
  lines.push(`${count(entries.length)} to run, ${skipped.length} skipped.`, "");
  for (const note of notes) lines.push(`> ${note}`, "");
  if (entries.length > 0) {
    lines.push("| Benchmark | Descriptor | Runs on | Backend | Why |", "| --- | --- | --- | --- | --- |");
    for (const e of entries) {
      lines.push(
        row([
          code(e.benchmark),
          code(e.descriptor),
          escapeMarkdown(e.runsOn.join(", ")),
          e.backend,
          e.reason,
        ]),
      );
    }
    lines.push("");
  }
  if (skipped.length > 0) {
    lines.push(`<details><summary>Skipped (${skipped.length})</summary>`, "");
    lines.push("| Benchmark | Descriptor | Why not |", "| --- | --- | --- |");
    for (const s of skipped) lines.push(row([code(s.id), code(s.path), s.reason]));
    lines.push("", "</details>", "");
  }
  return lines.join("\n");
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}
