import path from "node:path";
import type { BenchmarkRun } from "../../run/run-benchmark.js";
import { renderTextTable } from "../text-table.js";
import { formatNumber } from "./results.js";

/**
 * What `maat run` prints per benchmark: status, each metric's mean and spread, and the receipt.
 * The spread is the repetitions' standard deviation as a share of the mean (the coefficient of
 * variation), labelled so, never a bare "±".
 */
export function describeRunSummary({ receipt, receiptPath }: BenchmarkRun, cwd: string): string {
  const status =
    receipt.status === "succeeded" ? "succeeded" : `${receipt.status.toUpperCase()}: ${receipt.reason}`;
  const rows = Object.values(receipt.metrics).map((m) => {
    const spread =
      m.stddev !== null && m.mean ? `±${((m.stddev / Math.abs(m.mean)) * 100).toFixed(1)}%` : "-";
    return [
      m.name,
      m.mean === null ? "-" : formatNumber(m.mean),
      spread,
      m.unit,
      String(m.n),
      m.direction.replaceAll("_", " "),
      m.problems.length ? m.problems.map((p) => `rep ${p.repetition}: ${p.problem}`).join(", ") : "",
    ];
  });
  return [
    `\n${receipt.benchmark.id}: ${status}`,
    rows.length
      ? renderTextTable(["metric", "mean", "spread (sd/mean)", "unit", "n", "better", "problems"], rows)
      : "(no metrics)",
    `receipt: ${path.relative(cwd, receiptPath)}`,
  ].join("\n");
}
