import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, symlink } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataSource } from "../../descriptor/types.js";
import { RunnerError } from "../runner.js";

export interface PreparedData {
  /** MAAT_DATA_DIR, MAAT_DATA_PATH_<n>, MAAT_DATA_<ID>. */
  env: Record<string, string>;
  /** Container path -> local path, for rewriting the benchmark's arguments. */
  replacements: Array<{ containerPath: string; localPath: string }>;
  notes: string[];
}

/** Caches md5 sums by file, size and modification time, so repetitions hash a file once. */
export type Md5Cache = Map<string, string>;

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Makes local data sources available under `<workDir>/data/<container path>` as symlinks.
 * A container path like /data/imagenet cannot be honoured outside a container, so the
 * benchmark finds its data through the MAAT_DATA_* variables or its rewritten arguments.
 */
export async function prepareDataSources(
  sources: DataSource[],
  options: { cwd: string; workDir: string; md5Cache?: Md5Cache },
): Promise<PreparedData> {
  const dataDir = join(options.workDir, "data");
  const prepared: PreparedData = { env: { MAAT_DATA_DIR: dataDir }, replacements: [], notes: [] };
  for (const [index, source] of sources.entries()) {
    const n = index + 1;
    const { target, note } = await locateDataSource(source, n, options);
    if (note !== undefined) prepared.notes.push(note);
    const relative = source.path.replace(/^\/+/, "") || `source-${n}`;
    const linkPath = join(dataDir, relative);
    await mkdir(dirname(linkPath), { recursive: true });
    await rm(linkPath, { force: true, recursive: false }).catch(() => undefined);
    await symlink(target, linkPath);
    prepared.env[`MAAT_DATA_PATH_${n}`] = linkPath;
    if (source.id !== undefined) prepared.env[`MAAT_DATA_${envName(source.id)}`] = linkPath;
    const containerPath = source.path.replace(/(.)\/+$/, "$1");
    if (containerPath !== "") prepared.replacements.push({ containerPath, localPath: linkPath });
  }
  return prepared;
}

/** A data source found on this machine: the file or folder, and whether it is a file. */
export interface LocatedSource {
  target: string;
  isFile: boolean;
  /** Something the receipt should say (an md5 that could not be checked). */
  note?: string;
}

/**
 * Where a data source is on this machine, its md5 checked when it is a file. The one place
 * the local and Docker runners turn `data.sources` into files, so a download cache can later
 * slot in here. Throws a RunnerError (phase "data") when it is missing or its md5 differs.
 */
export async function locateDataSource(
  source: DataSource,
  n: number,
  options: { cwd: string; md5Cache?: Md5Cache; what?: string },
): Promise<LocatedSource> {
  const what = options.what ?? "data source";
  const target = localSourcePath(source, n, options.cwd);
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) {
    throw new RunnerError(`${what} ${n} was not found: ${source.src} (looked at ${target})`, {
      phase: "data",
      hint: "relative paths are resolved from the descriptor's folder; check data.sources.src",
    });
  }
  if (source.md5 !== undefined) {
    if (info.isFile()) await verifyMd5(target, source.md5, n, options.md5Cache, info);
    else
      return {
        target,
        isFile: false,
        note: `${what} ${n} is a directory: its md5 is not checked on this machine`,
      };
  }
  return { target, isFile: info.isFile() };
}

/** The file a source names: a file:// URL or a path (relative to the descriptor's folder). */
function localSourcePath(source: DataSource, n: number, cwd: string): string {
  const scheme = SCHEME.exec(source.src)?.[1]?.toLowerCase();
  if (scheme === "file") return fileURLToPath(source.src);
  if (scheme !== undefined) {
    throw new RunnerError(
      `remote data sources are not supported by the local runner yet (source ${n}: ${source.src}); use a local path or file:// URL`,
      { phase: "data", hint: "download the data first and point data.sources.src at the local copy" },
    );
  }
  return isAbsolute(source.src) ? source.src : resolve(cwd, source.src);
}

async function verifyMd5(
  file: string,
  expected: string,
  n: number,
  cache: Md5Cache | undefined,
  info: { size: number; mtimeMs: number },
): Promise<void> {
  const key = `${file}\0${info.size}\0${info.mtimeMs}`;
  let actual = cache?.get(key);
  if (actual === undefined) {
    const hash = createHash("md5");
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    actual = hash.digest("hex");
    cache?.set(key, actual);
  }
  if (actual !== expected.toLowerCase()) {
    throw new RunnerError(
      `data source ${n} (${file}) has md5 ${actual}, but the descriptor expects ${expected}`,
      {
        phase: "data",
        hint: "the data changed or the md5 in data.sources is stale; fix one of them",
      },
    );
  }
}

/** "train-set.v2" -> "TRAIN_SET_V2". */
export function envName(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/**
 * Rewrites every container path in `args` to its local path, longest path first, in one pass.
 * Only whole paths are rewritten: `/data/train` in `/data/train/x.tar`, not in `/data/train2`.
 */
export function rewriteDataPaths(args: string, replacements: PreparedData["replacements"]): string {
  if (replacements.length === 0) return args;
  const sorted = [...replacements].sort((a, b) => b.containerPath.length - a.containerPath.length);
  const byPath = new Map(sorted.map((r) => [r.containerPath, r.localPath]));
  const alternatives = sorted.map((r) => r.containerPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\w./-])(?:${alternatives.join("|")})(?=$|[/\\s"',:;=])`, "g");
  return args.replace(pattern, (found) => byPath.get(found) ?? found);
}
