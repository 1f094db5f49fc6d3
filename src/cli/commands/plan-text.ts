import type { RunPlan } from "../../plan/index.js";
import { renderTextTable } from "../text-table.js";

/**
 * The plan for a terminal: what runs, where and why, what is skipped and why, and the notes.
 * The action's job summary keeps the Markdown form (`plan.summaryMarkdown`).
 */
export function renderPlanText(plan: RunPlan, event: string): string {
  const count = (n: number) => `${n} benchmark${n === 1 ? "" : "s"}`;
  const lines = [`Plan for ${event}: ${count(plan.entries.length)} to run, ${plan.skipped.length} skipped.`];
  for (const note of plan.notes) lines.push(`note: ${plain(note)}`);
  if (plan.entries.length > 0) {
    const rows = plan.entries.map((e) => [
      e.benchmark,
      e.descriptor,
      e.runsOn.join(", "),
      e.backend,
      plain(e.reason),
    ]);
    lines.push("", renderTextTable(["benchmark", "descriptor", "runs on", "backend", "why"], rows));
  }
  if (plan.skipped.length > 0) {
    const rows = plan.skipped.map((s) => [s.id, s.path, plain(s.reason)]);
    lines.push("", "Skipped:", renderTextTable(["benchmark", "descriptor", "why not"], rows));
  }
  return `${lines.join("\n")}\n`;
}

/** Reasons and notes are written for Markdown: drop the code-span backticks in a terminal. */
function plain(text: string): string {
  return text.replaceAll("`", "").replaceAll("\n", " ");
}
