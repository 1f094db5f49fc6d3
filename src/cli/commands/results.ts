import path from "node:path";
import { suggestClosest } from "../../descriptor/suggest.js";
import { UsageError } from "../../errors.js";
import { readReceipt, readResultsFolder } from "../../results/read-receipts.js";
import type { ResultReceipt } from "../../results/receipt-types.js";
import { formatDuration } from "../../run/progress.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs, unknownSubcommand } from "../parse-command-args.js";
import { renderTextTable } from "../text-table.js";

const HELP = `maat results: list and show result receipts

Usage:
  maat results list [--benchmark ID] [--results-dir DIR] [--json]
  maat results show <receipt.json | result-id | benchmark-id> [--results-dir DIR] [--json]

'show' with a benchmark id shows its latest receipt. Receipts live in .maat/results/
(<benchmark-id>/<timestamp>-<shortsha>.json), logs beside them in <name>.logs/.

Examples:
  maat results list
  maat results list --benchmark hello-world --json
  maat results show hello-world
  maat results show .maat/results/hello-world/20261124T215012345Z-1a2b3c4.json`;

export const resultsCommand: Command = {
  name: "results",
  summary: "List and show result receipts in .maat/results/",
  help: HELP,
  async run(context) {
    const { values, positionals } = parseCommandArgs("results", context.argv, {
      benchmark: { type: "string" },
      "results-dir": { type: "string" },
      json: { type: "boolean", default: false },
    });
    const [subcommand, target, ...extra] = positionals;
    const resultsDir = path.resolve(context.cwd, values["results-dir"] ?? ".maat/results");
    if (subcommand === "list" && target === undefined)
      return list(context, resultsDir, values.benchmark, values.json);
    if (subcommand === "show" && target !== undefined && extra.length === 0) {
      return show(context, resultsDir, target, values.json);
    }
    if (subcommand !== "list" && subcommand !== "show")
      throw unknownSubcommand("results", subcommand, ["list", "show"]);
    throw new UsageError(
      subcommand === "list"
        ? "results list takes no arguments; filter with --benchmark ID"
        : "results show takes one receipt file, result id or benchmark id",
      { hint: "run 'maat results --help'" },
    );
  },
};

/** Every receipt under the results folder, with paths relative to `cwd`. */
async function loadAll(
  resultsDir: string,
  cwd: string,
): Promise<Array<{ file: string; receipt: ResultReceipt }>> {
  return readResultsFolder(resultsDir, cwd);
}

async function list(
  context: CommandContext,
  resultsDir: string,
  benchmark: string | undefined,
  json: boolean,
) {
  const everything = await loadAll(resultsDir, context.cwd);
  const all = everything
    .filter(({ receipt }) => benchmark === undefined || receipt.benchmark.id === benchmark)
    .sort((a, b) => b.receipt.startedAt.localeCompare(a.receipt.startedAt));
  if (json) {
    const rows = all.map(({ file, receipt }) => ({
      resultId: receipt.resultId,
      benchmark: receipt.benchmark.id,
      status: receipt.status,
      startedAt: receipt.startedAt,
      commit: receipt.source.commit ?? null,
      file,
    }));
    context.stdout.write(`${JSON.stringify({ results: rows }, null, 2)}\n`);
    return 0;
  }
  const folder = path.relative(context.cwd, resultsDir) || ".";
  if (all.length === 0 && benchmark !== undefined && everything.length > 0) {
    const known = [...new Set(everything.map(({ receipt }) => receipt.benchmark.id))].sort();
    const closest = suggestClosest(benchmark, known);
    context.stdout.write(
      `No receipts of benchmark "${benchmark}" in ${folder}.${closest ? ` Did you mean "${closest}"?` : ""}\n` +
        `Benchmarks with receipts: ${known.join(", ")}.\n`,
    );
    return 0;
  }
  if (all.length === 0) {
    const which = benchmark === undefined ? "" : ` of benchmark "${benchmark}"`;
    context.stdout.write(`No receipts${which} in ${folder}: run 'maat run' first.\n`);
    return 0;
  }
  const rows = all.map(({ file, receipt }) => [
    receipt.startedAt.replace("T", " ").slice(0, 19),
    receipt.benchmark.id,
    receipt.status,
    formatDuration(receipt.durationMs),
    receipt.source.commit?.slice(0, 7) ?? "-",
    file,
  ]);
  context.stdout.write(
    `${renderTextTable(["started (UTC)", "benchmark", "status", "took", "commit", "receipt"], rows)}\n`,
  );
  return 0;
}

async function show(context: CommandContext, resultsDir: string, target: string, json: boolean) {
  const receipt = await resolveReceipt(context, resultsDir, target);
  if (json) {
    context.stdout.write(`${JSON.stringify(receipt, null, 2)}\n`);
    return 0;
  }
  context.stdout.write(`${describeReceipt(receipt)}\n`);
  return 0;
}

async function resolveReceipt(
  context: CommandContext,
  resultsDir: string,
  target: string,
): Promise<ResultReceipt> {
  if (target.endsWith(".json")) return readReceipt(path.resolve(context.cwd, target));
  const all = await loadAll(resultsDir, context.cwd);
  const exact = all.find(({ receipt }) => receipt.resultId === target);
  if (exact) return exact.receipt;
  const latest = all
    .filter(({ receipt }) => receipt.benchmark.id === target)
    .sort((a, b) => b.receipt.startedAt.localeCompare(a.receipt.startedAt))[0];
  if (latest) return latest.receipt;
  throw new UsageError(`no receipt for "${target}" in ${path.relative(context.cwd, resultsDir) || "."}`, {
    hint: "run 'maat results list' to see what is there",
  });
}

/** A readable account of one receipt: status, where it ran, and each metric. */
export function describeReceipt(receipt: ResultReceipt): string {
  const lines = [
    `${receipt.resultId}  ${receipt.status}${receipt.reason ? `: ${receipt.reason}` : ""}`,
    `  benchmark   ${receipt.benchmark.taskName} (${receipt.benchmark.path})`,
    `  commit      ${receipt.source.commit ?? "unknown"}${receipt.source.dirty ? " (uncommitted changes)" : ""}`,
    `  host        ${receipt.host.cpuModel}, ${receipt.host.cpuCores} cores${receipt.host.gpus.length ? `, ${receipt.host.gpus.length}x ${receipt.host.gpus[0]?.model}` : ""}`,
    `  backend     ${receipt.backend.kind}${receipt.backend.note ? ` (${receipt.backend.note})` : ""}`,
    `  started     ${receipt.startedAt}, took ${formatDuration(receipt.durationMs)}; ${receipt.stopReason}`,
    `  logs        ${receipt.logDir}`,
    "",
  ];
  const rows = Object.values(receipt.metrics).map((m) => [
    m.name,
    m.mean === null ? "-" : formatNumber(m.mean),
    m.stddev === null ? "-" : formatNumber(m.stddev),
    String(m.n),
    m.unit,
    m.problems.length ? m.problems.map((p) => `rep ${p.repetition}: ${p.problem}`).join(", ") : "",
  ]);
  lines.push(renderTextTable(["metric", "mean", "stddev", "n", "unit", "problems"], rows));
  return lines.join("\n");
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) return value.toExponential(3);
  return Number(value.toPrecision(5)).toString();
}
