import path from "node:path";
import { loadRepositoryConfig } from "../../config/index.js";
import { findRepoRoot } from "../../descriptor/index.js";
import { suggestClosest } from "../../descriptor/suggest.js";
import { UsageError } from "../../errors.js";
import { readReceipt, readResultsFolder } from "../../results/read-receipts.js";
import type { ResultReceipt } from "../../results/receipt-types.js";
import { openResultsStore } from "../../results/store/open-results-store.js";
import { pullResults } from "../../results/store/pull-results.js";
import { pushResults } from "../../results/store/push-results.js";
import type { ResultsStore } from "../../results/store/results-store.js";
import { formatDuration } from "../../run/progress.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs, unknownSubcommand } from "../parse-command-args.js";
import { SPARKLINE_WIDTH, sparkline } from "../sparkline.js";
import { renderTextTable } from "../text-table.js";

const HELP = `maat results: list and show result receipts

Usage:
  maat results list [--benchmark ID] [--results-dir DIR] [--store LOCATION] [--json]
  maat results show <receipt.json | result-id | benchmark-id> [--results-dir DIR] [--json]
  maat results push [receipts or folders...] [--store LOCATION] [--no-logs] [--json]
  maat results pull [result-id...] [--benchmark ID] [--commit SHA] [--store LOCATION] [--logs] [--json]

'show' with a benchmark id shows its latest receipt. Receipts live in .maat/results/
(<benchmark-id>/<timestamp>-<shortsha>.json), logs beside them in <name>.logs/.

'push' copies receipts (default: every one in the results folder) and their logs to the
results store, [results] store in maat.toml (s3://bucket/prefix or a folder) unless --store
names another. It is idempotent: a receipt already there with the same bytes is left alone,
and a different receipt under the same result id is never overwritten. Receipts stay on
local disk; one that fails to upload is reported and can be pushed again later. 'pull'
copies receipts from the store into the results folder (all, one benchmark's history, one
commit's, or the ids named), and their logs with --logs. 'list --store' lists the store.

Examples:
  maat results list
  maat results list --benchmark hello-world --json
  maat results push
  maat results pull --benchmark resnet --store s3://bench-results/maat
  maat results list --store s3://bench-results/maat
  maat results show hello-world
  maat results show .maat/results/hello-world/20261124T215012345Z-1a2b3c4.json`;

export const resultsCommand: Command = {
  name: "results",
  help: HELP,
  async run(context) {
    const { values, positionals } = parseCommandArgs("results", context.argv, {
      benchmark: { type: "string" },
      "results-dir": { type: "string" },
      store: { type: "string" },
      commit: { type: "string" },
      logs: { type: "boolean" },
      json: { type: "boolean", default: false },
    });
    const [subcommand, target, ...extra] = positionals;
    const resultsDir = path.resolve(context.cwd, values["results-dir"] ?? ".maat/results");
    if (
      subcommand === "push" ||
      subcommand === "pull" ||
      (subcommand === "list" && values.store !== undefined)
    ) {
      const store = await storeFor(context, values.store);
      const rest = positionals.slice(1);
      if (subcommand === "push") return push(context, store, rest.length > 0 ? rest : [resultsDir], values);
      if (subcommand === "pull") return pull(context, store, resultsDir, rest, values);
      return listStore(context, store, values.benchmark, values.json ?? false);
    }
    if (subcommand === "list" && target === undefined)
      return list(context, resultsDir, values.benchmark, values.json ?? false);
    if (subcommand === "show" && target !== undefined && extra.length === 0) {
      return show(context, resultsDir, target, values.json ?? false);
    }
    if (subcommand !== "list" && subcommand !== "show") {
      throw unknownSubcommand("results", subcommand, ["list", "show", "push", "pull"]);
    }
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
  context: CommandContext,
): Promise<Array<{ file: string; receipt: ResultReceipt }>> {
  return readResultsFolder(resultsDir, context.cwd, { warn: (m) => context.stderr.write(`maat: ${m}\n`) });
}

async function list(
  context: CommandContext,
  resultsDir: string,
  benchmark: string | undefined,
  json: boolean,
) {
  const everything = await loadAll(resultsDir, context);
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
  const recent = await recentMeans(context, resultsDir, receipt);
  context.stdout.write(`${describeReceipt(receipt, { recent })}\n`);
  return 0;
}

/** Each metric's mean in the benchmark's latest receipts up to this one, oldest first. */
async function recentMeans(context: CommandContext, resultsDir: string, receipt: ResultReceipt) {
  const earlier = (await loadAll(resultsDir, context))
    .map((r) => r.receipt)
    .filter((r) => r.benchmark.id === receipt.benchmark.id && r.startedAt < receipt.startedAt)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .slice(-(SPARKLINE_WIDTH - 1));
  const recent = new Map<string, number[]>();
  for (const name of Object.keys(receipt.metrics)) {
    const means = [...earlier, receipt].map((r) => r.metrics[name]?.mean ?? Number.NaN);
    recent.set(name, means);
  }
  return recent;
}

async function resolveReceipt(
  context: CommandContext,
  resultsDir: string,
  target: string,
): Promise<ResultReceipt> {
  if (target.endsWith(".json")) return readReceipt(path.resolve(context.cwd, target));
  const all = await loadAll(resultsDir, context);
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

/**
 * A readable account of one receipt: status, where it ran, and each metric with a sparkline
 * of its repetitions and, given `recent` (means of earlier receipts, then this one), of its runs.
 */
export function describeReceipt(
  receipt: ResultReceipt,
  options: { recent?: Map<string, number[]> } = {},
): string {
  const lines = [
    `${receipt.resultId}  ${receipt.status}${receipt.reason ? `: ${receipt.reason}` : ""}`,
    `  benchmark   ${receipt.benchmark.taskName}${receipt.benchmark.path ? ` (${receipt.benchmark.path})` : ""}`,
    `  commit      ${receipt.source.commit ?? "unknown"}${receipt.source.dirty ? " (uncommitted changes)" : ""}`,
    `  host        ${receipt.host.cpuModel}, ${receipt.host.cpuCores} cores${receipt.host.gpus.length ? `, ${receipt.host.gpus.length}x ${receipt.host.gpus[0]?.model}` : ""}`,
    `  backend     ${receipt.backend.kind}${receipt.backend.note ? ` (${receipt.backend.note})` : ""}`,
    `  started     ${receipt.startedAt}, took ${formatDuration(receipt.durationMs)}; ${receipt.stopReason}`,
    `  logs        ${receipt.logDir}`,
    "",
  ];
  const withRuns = [...(options.recent?.values() ?? [])].some(
    (means) => means.filter(Number.isFinite).length > 1,
  );
  const rows = Object.values(receipt.metrics).map((m) => [
    m.name,
    m.mean === null ? "-" : formatNumber(m.mean),
    m.stddev === null ? "-" : formatNumber(m.stddev),
    String(m.n),
    m.unit,
    sparkline(m.values),
    ...(withRuns ? [sparkline(options.recent?.get(m.name) ?? [])] : []),
    m.problems.length ? m.problems.map((p) => `rep ${p.repetition}: ${p.problem}`).join(", ") : "",
  ]);
  const header = [
    "metric",
    "mean",
    "stddev",
    "n",
    "unit",
    "repetitions",
    ...(withRuns ? ["recent runs"] : []),
    "problems",
  ];
  lines.push(renderTextTable(header, rows));
  return lines.join("\n");
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) return value.toExponential(3);
  return Number(value.toPrecision(5)).toString();
}

/** The store named by --store, else maat.toml's [results] store. */
async function storeFor(context: CommandContext, flag: string | undefined): Promise<ResultsStore> {
  const repoRoot = findRepoRoot(context.cwd);
  const config = await loadRepositoryConfig(repoRoot);
  const location = flag ?? config.results.store;
  if (location === undefined) {
    throw new UsageError("no results store: pass --store or set store under [results] in maat.toml", {
      hint: 'for example store = "s3://my-bucket/maat-results"',
    });
  }
  return openResultsStore(location, {
    cwd: flag === undefined ? repoRoot : context.cwd,
    s3: config.s3,
    env: context.env,
  });
}

async function push(
  context: CommandContext,
  store: ResultsStore,
  paths: string[],
  values: { logs?: boolean; json?: boolean },
): Promise<number> {
  const outcomes = await pushResults(store, paths, { cwd: context.cwd, logs: values.logs !== false });
  if (values.json)
    context.stdout.write(`${JSON.stringify({ store: store.location, results: outcomes }, null, 2)}\n`);
  else {
    for (const o of outcomes) {
      const what =
        o.outcome === "failed"
          ? `failed: ${o.error}; the receipt stays at ${o.file}`
          : o.outcome === "stored"
            ? "stored"
            : "already there";
      context.stdout.write(`${o.resultId}: ${what}\n`);
    }
    context.stdout.write(`${outcomes.length} receipt(s) pushed to ${store.location}\n`);
  }
  return outcomes.some((o) => o.outcome === "failed") ? 1 : 0;
}

async function pull(
  context: CommandContext,
  store: ResultsStore,
  resultsDir: string,
  ids: string[],
  values: { benchmark?: string; commit?: string; logs?: boolean; json?: boolean },
): Promise<number> {
  const outcomes = await pullResults(
    store,
    resultsDir,
    {
      ...(ids.length > 0 ? { resultIds: ids } : {}),
      ...(values.benchmark === undefined ? {} : { benchmark: values.benchmark }),
      ...(values.commit === undefined ? {} : { commit: values.commit }),
    },
    { logs: values.logs === true },
  );
  if (values.json)
    context.stdout.write(`${JSON.stringify({ store: store.location, results: outcomes }, null, 2)}\n`);
  else {
    for (const o of outcomes)
      context.stdout.write(`${o.resultId}: ${o.outcome === "pulled" ? "pulled" : "already here"}\n`);
    context.stdout.write(
      `${outcomes.length} receipt(s) from ${store.location} in ${path.relative(context.cwd, resultsDir) || "."}\n`,
    );
  }
  return 0;
}

async function listStore(
  context: CommandContext,
  store: ResultsStore,
  benchmark: string | undefined,
  json: boolean,
) {
  const ids = await store.list(benchmark === undefined ? {} : { benchmark });
  if (json) context.stdout.write(`${JSON.stringify({ store: store.location, results: ids }, null, 2)}\n`);
  else context.stdout.write(ids.length === 0 ? `No receipts in ${store.location}.\n` : `${ids.join("\n")}\n`);
  return 0;
}
