import path from "node:path";
import { loadRepositoryConfig } from "../../config/index.js";
import { expectedDigests } from "../../data/checksums.js";
import { DataCache } from "../../data/data-cache.js";
import { type DataSettings, dataSettingsFrom } from "../../data/data-settings.js";
import { prepareDataSources } from "../../data/prepare-data.js";
import type { PreparedSource } from "../../data/prepared-source.js";
import { formatBytes } from "../../data/transfer-progress.js";
import { verifyDataCache } from "../../data/verify-cache.js";
import { findDescriptorFiles, findRepoRoot, loadDescriptor } from "../../descriptor/index.js";
import type { Descriptor } from "../../descriptor/types.js";
import { UsageError } from "../../errors.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";
import { renderTextTable } from "../text-table.js";

const HELP = `maat data: fetch benchmark data into the cache ahead of a run, and recheck the cache

Usage:
  maat data fetch [descriptor.toml | folder]... [--json]
  maat data verify [descriptor.toml | folder]... [--json]

'fetch' downloads every data source (and inference server model) of the descriptors into
the data cache, checking md5/sha256, so the run itself finds them there. Local sources are
checked in place. 'verify' rehashes cached content (all of it, or the checksummed sources of
the given descriptors) and forgets whatever no longer matches, so the next run fetches it
again. The cache is [data] cache_dir in maat.toml, by default $XDG_CACHE_HOME/maat/data.

Exit codes: 0 all good; 1 a source could not be fetched or cached content was corrupt;
2 usage or descriptor error.

Examples:
  maat data fetch benchmarks/resnet
  maat data verify
  maat data verify benchmarks/resnet --json`;

export const dataCommand: Command = {
  name: "data",
  help: HELP,
  async run(context) {
    const { values, positionals } = parseCommandArgs("data", context.argv, {
      json: { type: "boolean", default: false },
    });
    const [subcommand, ...paths] = positionals;
    if (subcommand !== "fetch" && subcommand !== "verify") {
      throw new UsageError("expected 'data fetch' or 'data verify'", { hint: "run 'maat data --help'" });
    }
    const repoRoot = findRepoRoot(context.cwd);
    const config = await loadRepositoryConfig(repoRoot);
    const settings = dataSettingsFrom(config, { repoRoot, env: context.env });
    const descriptors = await loadDescriptors(context, repoRoot, paths, subcommand === "fetch");
    return subcommand === "fetch"
      ? fetch(context, repoRoot, descriptors, settings, values.json)
      : verify(context, descriptors, settings, values.json, paths.length > 0);
  },
};

async function loadDescriptors(
  context: CommandContext,
  repoRoot: string,
  paths: string[],
  required: boolean,
): Promise<Descriptor[]> {
  if (!required && paths.length === 0) return [];
  const files = await findDescriptorFiles(paths, { cwd: context.cwd, repoRoot });
  if (files.length === 0)
    throw new UsageError("no descriptors found", { hint: "pass a descriptor file or folder" });
  const descriptors: Descriptor[] = [];
  for (const file of files) descriptors.push(await loadDescriptor(file, { repoRoot }));
  return descriptors;
}

async function fetch(
  context: CommandContext,
  repoRoot: string,
  descriptors: Descriptor[],
  settings: DataSettings,
  json: boolean,
): Promise<number> {
  const results: Array<{ benchmark: string; prepared?: PreparedSource[]; error?: string }> = [];
  for (const descriptor of descriptors) {
    const sources = [
      ...descriptor.data.sources,
      ...(descriptor.hardware.strategy === "inference" ? (descriptor.server?.models ?? []) : []),
    ];
    try {
      const prepared = await prepareDataSources(sources, {
        settings,
        cwd: path.dirname(path.join(repoRoot, descriptor.path)),
        env: context.env,
        signal: context.signal,
        report: (line) => context.stderr.write(`${descriptor.id}: ${line}\n`),
      });
      results.push({ benchmark: descriptor.id, prepared });
    } catch (error) {
      if (!(error instanceof Error) || !("hint" in error)) throw error;
      const hint = (error as { hint?: string }).hint;
      context.stderr.write(`maat: ${descriptor.id}: ${error.message}\n${hint ? `  hint: ${hint}\n` : ""}`);
      results.push({ benchmark: descriptor.id, error: error.message });
    }
  }
  if (json) {
    const out = results.map((r) => ({
      benchmark: r.benchmark,
      ...(r.error === undefined ? {} : { error: r.error }),
      sources: (r.prepared ?? []).map((p) => ({ ...p.record, hostPath: p.hostPath })),
    }));
    context.stdout.write(`${JSON.stringify({ cache: settings.cacheDir, benchmarks: out }, null, 2)}\n`);
  } else {
    const rows = results.flatMap((r) =>
      (r.prepared ?? []).map((p) => [
        r.benchmark,
        p.source.path,
        p.record.origin === "download" ? "downloaded" : p.record.origin === "cache" ? "cached" : "local",
        `${formatBytes(p.record.bytes)}${p.record.kind === "directory" ? ` in ${p.record.files} files` : ""}`,
        p.record.sha256.slice(0, 16),
        p.source.src,
      ]),
    );
    if (rows.length > 0) {
      context.stdout.write(
        `${renderTextTable(["benchmark", "path", "state", "size", "sha256", "source"], rows)}\n`,
      );
    }
    context.stdout.write(`cache: ${settings.cacheDir}\n`);
  }
  return results.some((r) => r.error !== undefined) ? 1 : 0;
}

async function verify(
  context: CommandContext,
  descriptors: Descriptor[],
  settings: DataSettings,
  json: boolean,
  limited: boolean,
): Promise<number> {
  const cache = new DataCache(settings.cacheDir);
  let only: Set<string> | undefined;
  if (limited) {
    only = new Set();
    for (const descriptor of descriptors) {
      for (const source of [...descriptor.data.sources, ...(descriptor.server?.models ?? [])]) {
        const found = await cache.find(expectedDigests(source));
        if (found !== undefined) only.add(found.entry.sha256);
      }
    }
  }
  const checks = await verifyDataCache(cache, only);
  const corrupt = checks.filter((c) => c.problem !== undefined);
  if (json) {
    context.stdout.write(`${JSON.stringify({ cache: settings.cacheDir, checked: checks }, null, 2)}\n`);
  } else {
    for (const check of corrupt) {
      context.stdout.write(
        `corrupt: ${check.kind} ${check.sha256}: ${check.problem}; forgotten, the next run fetches it again\n`,
      );
    }
    const total = checks.reduce((sum, c) => sum + c.bytes, 0);
    context.stdout.write(
      `${checks.length} cache entr${checks.length === 1 ? "y" : "ies"} (${formatBytes(total)}) checked in ${settings.cacheDir}: ${corrupt.length === 0 ? "all intact" : `${corrupt.length} corrupt`}\n`,
    );
  }
  return corrupt.length > 0 ? 1 : 0;
}
