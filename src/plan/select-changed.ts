import picomatch from "picomatch";
import type { Descriptor } from "../descriptor/types.js";

/**
 * Which descriptors a set of changed files touches, with the first reason found:
 * - the descriptor file itself changed;
 * - a `run.watch` glob matches (picomatch, dot files included; `!glob` entries exclude);
 * - a file in the benchmark's folder changed. A file belongs to the deepest folder holding a
 *   descriptor, so `benchmarks/resnet/train.py` runs `benchmarks/resnet/*.toml`, not every
 *   descriptor in `benchmarks/`; other descriptor files never count as folder changes (they
 *   are their own benchmarks), and a descriptor at the repository root has no folder rule.
 */
export function matchChangedFiles(descriptors: Descriptor[], changedFiles: string[]): Map<string, string> {
  const files = [...new Set(changedFiles.map(normalizePath))];
  const descriptorPaths = new Set(descriptors.map((d) => normalizePath(d.path)));
  const folders = new Set(descriptors.map((d) => folderOf(d.path)).filter((f) => f !== ""));
  const filesByFolder = new Map<string, string[]>();
  for (const file of files) {
    if (descriptorPaths.has(file)) continue;
    const owner = deepestFolder(file, folders);
    if (owner !== undefined) filesByFolder.set(owner, [...(filesByFolder.get(owner) ?? []), file]);
  }
  const matches = new Map<string, string>();
  for (const descriptor of descriptors) {
    const reason =
      (files.includes(normalizePath(descriptor.path)) ? "descriptor changed" : undefined) ??
      watchReason(descriptor.run.watch, files) ??
      folderReason(filesByFolder.get(folderOf(descriptor.path)));
    if (reason !== undefined) matches.set(descriptor.id, reason);
  }
  return matches;
}

function watchReason(watch: string[], files: string[]): string | undefined {
  const include = watch.filter((g) => !g.startsWith("!"));
  const exclude = watch.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
  if (include.length === 0) return undefined;
  const excluded = exclude.length === 0 ? () => false : picomatch(exclude, { dot: true });
  for (const glob of include) {
    const matcher = picomatch(glob, { dot: true });
    const hits = files.filter((f) => matcher(f) && !excluded(f));
    if (hits.length > 0) return `watched \`${glob}\` matches ${describeFiles(hits)}`;
  }
  return undefined;
}

function folderReason(files: string[] | undefined): string | undefined {
  return files === undefined ? undefined : `benchmark folder changed: ${describeFiles(files)}`;
}

function describeFiles(files: string[]): string {
  const [first] = files;
  return files.length === 1 ? `\`${first}\`` : `\`${first}\` and ${files.length - 1} more`;
}

function deepestFolder(file: string, folders: Set<string>): string | undefined {
  for (let cut = file.lastIndexOf("/"); cut > 0; cut = file.lastIndexOf("/", cut - 1)) {
    const folder = file.slice(0, cut);
    if (folders.has(folder)) return folder;
  }
  return undefined;
}

function folderOf(path: string): string {
  const normalized = normalizePath(path);
  const cut = normalized.lastIndexOf("/");
  return cut === -1 ? "" : normalized.slice(0, cut);
}

/** Repository-relative, forward slashes, no leading "./". */
export function normalizePath(path: string): string {
  return path.replaceAll("\\", "/").replace(/^(\.\/)+/, "");
}
