import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import picomatch from "picomatch";
import type { OutputFile } from "../descriptor/types.js";

/**
 * The files an `[[output.files]]` entry names below `cwd`, sorted: the file itself, the files a
 * glob matches (only its fixed leading folder is walked), or for criterion every
 * `new/estimates.json` below a folder such as `target/criterion`. None when nothing is there.
 */
export async function findResultFiles(
  cwd: string,
  entry: Pick<OutputFile, "path" | "format">,
): Promise<string[]> {
  const scan = picomatch.scan(entry.path);
  if (scan.isGlob) {
    const matches = picomatch(entry.path, { dot: true });
    const files = await filesUnder(path.join(cwd, scan.base));
    return files.filter((file) => matches(toPosix(path.relative(cwd, file)))).sort();
  }
  const absolute = path.join(cwd, entry.path);
  const info = await stat(absolute).catch(() => undefined);
  if (info === undefined) return [];
  if (!info.isDirectory()) return [absolute];
  if (entry.format !== "criterion") return [];
  const files = await filesUnder(absolute);
  return files.filter((file) => toPosix(file).endsWith("/new/estimates.json")).sort();
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}

/** What a file looked like: a file rewritten (or created) by a repetition looks different after it. */
export type FileSnapshot = ReadonlyMap<string, string>;

/** The current look (inode, size, times) of every file the entries name. */
export async function snapshotResultFiles(
  cwd: string,
  entries: readonly OutputFile[],
): Promise<FileSnapshot> {
  const snapshot = new Map<string, string>();
  for (const entry of entries) {
    for (const file of await findResultFiles(cwd, entry)) {
      const info = await stat(file).catch(() => undefined);
      if (info !== undefined) snapshot.set(file, fileLook(info));
    }
  }
  return snapshot;
}

export function fileLook(info: { ino: number; size: number; mtimeMs: number; ctimeMs: number }): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}
