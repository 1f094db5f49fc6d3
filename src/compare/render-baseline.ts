import { historyChanges } from "../baselines/history-changes.js";
import { metricHistory } from "../baselines/reset.js";
import type { Baseline } from "../baselines/types.js";
import { estimateBaseline } from "../stats/baseline-estimate.js";
import { formatPercent } from "../stats/format.js";
import { DEFAULT_POLICY } from "../stats/policy.js";
import { formatNumber } from "./format-number.js";

/**
 * A baseline for people: its hardware, each metric's level and spread over the window a
 * comparison would use (after resets), and the most recent runs, newest first.
 */
export function renderBaseline(
  baseline: Baseline,
  options: { recentRuns?: number; window?: number } = {},
): string {
  const window = options.window ?? DEFAULT_POLICY.window;
  const out = [`${baseline.benchmarkId} on ${baseline.hardware.slug}`];
  for (const [field, value] of Object.entries(baseline.hardware.fields)) out.push(`  ${field}: ${value}`);
  out.push("");

  const metricNames = Object.keys(baseline.metrics).sort();
  const levels = metricNames.map((name) => {
    const { runs, reset } = metricHistory(baseline, name);
    const unit = baseline.metrics[name]!.unit;
    const since =
      reset === undefined ? "" : `reset at ${reset.fromCommit.slice(0, 12)} by ${reset.by}: ${reset.reason}`;
    if (runs.length === 0) return [name, unit, "-", "-", "0", since];
    const estimate = estimateBaseline(runs, window);
    const spread = `${formatNumber(estimate.robustSigma)} (${percent(estimate.robustSigma / estimate.level)})`;
    return [name, unit, formatNumber(estimate.level), spread, String(estimate.runs), since];
  });
  out.push(...table(["Metric", "Unit", "Level", "Spread", "Runs", "Since"], levels), "");

  const recent = baseline.runs.slice(-(options.recentRuns ?? 10)).reverse();
  const runRows = recent.map((run) => [
    run.date.slice(0, 16).replace("T", " "),
    run.commit?.slice(0, 9) ?? "-",
    run.resultId,
    ...metricNames.map((name) => {
      const m = run.metrics[name];
      return m === undefined ? "-" : `${formatNumber(m.summary.mean)} (n=${m.summary.n})`;
    }),
  ]);
  out.push(`Recent runs (${recent.length} of ${baseline.runs.length}):`);
  out.push(...table(["Date", "Commit", "Result", ...metricNames], runRows));

  const changes = historyChanges(baseline);
  out.push("", changes.length === 0 ? "No level shifts in the history." : "Level shifts in the history:");
  out.push(
    ...table(
      ["Metric", "Change", "Kind", "Between", "p"],
      changes.map((c) => [
        c.metric,
        formatPercent(c.relativeChange),
        c.kind,
        c.commitRange ?? `${c.lastBefore.date.slice(0, 10)} and ${c.firstAfter.date.slice(0, 10)}`,
        c.pValue < 0.0001 ? "< 0.0001" : c.pValue.toFixed(4),
      ]),
    ).slice(changes.length === 0 ? 1 : 0),
  );
  return `${out.join("\n")}\n`;
}

function table(headings: string[], rows: string[][]): string[] {
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd()}`;
  return [line(headings), ...rows.map(line)];
}

function percent(ratio: number): string {
  return Number.isFinite(ratio) ? `${(Math.abs(ratio) * 100).toFixed(1)}%` : "-";
}
