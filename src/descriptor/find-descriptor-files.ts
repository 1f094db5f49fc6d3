import { readdirSync, type Stats, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";

export interface FindDescriptorFilesOptions {
  cwd: string;
  /** Where `benchmarks/` and the repository's own `maat.toml` are; defaults to cwd. */
  repoRoot?: string;
}

/** A descriptor file found: its absolute path, and the path to show, as the user typed it. */
export interface FoundDescriptor {
  file: string;
  shown: string;
}

/**
 * Absolute paths of the descriptors named by `paths` (relative to cwd), sorted. A folder means
 * every `*.toml` under it, skipping node_modules and dot-folders; no paths means `benchmarks/`.
 * The repository's `maat.toml` is configuration, not a descriptor, unless named explicitly.
 */
export async function findDescriptorFiles(
  paths: string[],
  options: FindDescriptorFilesOptions,
): Promise<string[]> {
  return (await findDescriptors(paths, options)).map((found) => found.file);
}

/**
 * Like findDescriptorFiles, with each file's path as the user would write it: a file named
 * on the command line as typed (`/tmp/x.toml` stays absolute), a file found in a folder as
 * that folder as typed plus the rest of its path.
 */
export async function findDescriptors(
  paths: string[],
  options: FindDescriptorFilesOptions,
): Promise<FoundDescriptor[]> {
  const root = path.resolve(options.repoRoot ?? options.cwd);
  const typed = paths.length > 0 ? paths : [path.relative(options.cwd, path.join(root, "benchmarks")) || "."];
  const found = new Map<string, string>();
  for (const name of typed) {
    const target = path.resolve(options.cwd, name);
    const info = statOrUndefined(target);
    if (info === undefined) {
      throw new UsageError(`${name} does not exist`, {
        hint: "pass descriptor files or folders that hold them (default: benchmarks/)",
      });
    }
    if (!info.isDirectory()) {
      if (!found.has(target)) found.set(target, name);
      continue;
    }
    for (const file of walk(target)) {
      const shown = path.join(name, path.relative(target, file)).replaceAll("\\", "/");
      if (file !== path.join(root, "maat.toml") && !found.has(file)) found.set(file, shown);
    }
  }
  return [...found]
    .map(([file, shown]) => ({ file, shown }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

// Synchronous: a few directory reads, and node:fs/promises costs a short command more to load
// than they take.
function statOrUndefined(target: string): Stats | undefined {
  try {
    return statSync(target);
  } catch {
    return undefined;
  }
}

function walk(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      files.push(...walk(full));
    } else if (entry.isFile() && entry.name.endsWith(".toml")) {
      files.push(full);
    }
  }
  return files;
}
