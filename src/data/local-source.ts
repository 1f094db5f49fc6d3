import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../storage/atomic-write.js";
import type { TreeFile } from "./cache-entry.js";
import type { Digests } from "./checksums.js";
import { ContentHasher } from "./content-hasher.js";
import { hashKey } from "./data-cache.js";
import { DataError } from "./data-error.js";
import { treeDigests } from "./tree-digests.js";

/** A file's identity for the digest memo: it is hashed again only when one of these changes. */
interface MemoRecord {
  size: number;
  mtimeMs: number;
  ino: number;
  md5: string;
  sha256: string;
}

export interface LocalContent {
  kind: "file" | "directory";
  digests: Digests;
  bytes: number;
  files: number;
}

/**
 * The digests of a local file or folder (file:// and plain paths are used in place, never
 * copied). Digests are remembered per file, size, inode and modification time in `memoDir`
 * (the cache's `local/` folder), so an unchanged dataset is hashed once. A symbolic link
 * inside a folder that points outside it is refused.
 */
export async function describeLocalSource(
  src: string,
  where: string,
  memoDir: string,
): Promise<LocalContent> {
  const info = await stat(where).catch(() => undefined);
  if (info === undefined) {
    throw new DataError(src, `data source ${src} was not found (looked at ${where})`, {
      hint: "relative paths are resolved from the descriptor's folder; check data.sources.src",
    });
  }
  const root = await realpath(where);
  const memoFile = path.join(memoDir, `${hashKey(root)}.json`);
  const memo = await readMemo(memoFile);
  const next: Record<string, MemoRecord> = {};
  const digestOf = async (file: string, key: string): Promise<MemoRecord> => {
    const s = await stat(file);
    const known = memo[key];
    if (known && known.size === s.size && known.mtimeMs === s.mtimeMs && known.ino === s.ino) {
      next[key] = known;
      return known;
    }
    const hasher = new ContentHasher();
    for await (const chunk of createReadStream(file)) hasher.update(chunk as Buffer);
    const record = { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino, ...hasher.digest() };
    next[key] = record;
    return record;
  };
  let content: LocalContent;
  if (info.isFile()) {
    const record = await digestOf(root, "");
    content = {
      kind: "file",
      digests: { md5: record.md5, sha256: record.sha256 },
      bytes: record.size,
      files: 1,
    };
  } else if (info.isDirectory()) {
    const files: TreeFile[] = [];
    for (const relative of await filesBelow(src, root)) {
      const record = await digestOf(path.join(root, relative), relative);
      files.push({ path: relative, md5: record.md5, sha256: record.sha256, bytes: record.size });
    }
    content = {
      kind: "directory",
      digests: treeDigests(files),
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      files: files.length,
    };
  } else {
    throw new DataError(src, `data source ${src} is neither a file nor a folder (${where})`);
  }
  await writeFileAtomic(memoFile, JSON.stringify(next)).catch(() => undefined);
  return content;
}

/** Regular files below `root` (forward-slash paths); links are followed only when they stay inside. */
async function filesBelow(src: string, root: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, absolute).split(path.sep).join("/");
    if (entry.isSymbolicLink()) {
      const target = await realpath(absolute).catch(() => undefined);
      if (target === undefined || (target !== root && !target.startsWith(`${root}${path.sep}`))) {
        throw new DataError(
          src,
          `${relative} in ${src} is a symbolic link that leads outside the data folder`,
          {
            hint: "copy the data it points to into the folder instead of linking to it",
          },
        );
      }
      if ((await stat(target)).isFile()) found.push(relative);
    } else if (entry.isFile()) found.push(relative);
  }
  return found;
}

async function readMemo(file: string): Promise<Record<string, MemoRecord>> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Record<string, MemoRecord>;
  } catch {
    return {};
  }
}
