import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";

export interface FindDescriptorFilesOptions {
  cwd: string;
  /** Where `benchmarks/` and the repository's own `maat.toml` are; defaults to cwd. */
  repoRoot?: string;
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
  const root = path.resolve(options.repoRoot ?? options.cwd);
  const targets =
    paths.length > 0 ? paths.map((p) => path.resolve(options.cwd, p)) : [path.join(root, "benchmarks")];
  const found = new Set<string>();
  for (const target of targets) {
    const info = await stat(target).catch(() => undefined);
    if (info === undefined) {
      throw new UsageError(`${path.relative(options.cwd, target) || target} does not exist`, {
        hint: "pass descriptor files or folders that hold them (default: benchmarks/)",
      });
    }
    if (info.isDirectory()) {
      for (const file of await walk(target)) {
        if (file !== path.join(root, "maat.toml")) found.add(file);
      }
    } else {
      found.add(target);
    }
  }
  return [...found].sort();
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      files.push(...(await walk(full)));
    } else if (entry.isFile() && entry.name.endsWith(".toml")) {
      files.push(full);
    }
  }
  return files;
}
