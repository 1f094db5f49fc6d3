import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { CacheEntry } from "./cache-entry.js";
import { ContentHasher } from "./content-hasher.js";
import type { DataCache } from "./data-cache.js";
import { treeDigests } from "./tree-digests.js";

export interface CacheCheck {
  sha256: string;
  kind: CacheEntry["kind"];
  bytes: number;
  /** Why the entry cannot be trusted; undefined when it is intact. */
  problem?: string;
}

/**
 * Rehashes cached content and compares it with what it was stored as (`maat data verify`).
 * A corrupt entry is forgotten, so the next run downloads it again. `only` limits the check
 * to some entries (by sha256).
 */
export async function verifyDataCache(cache: DataCache, only?: ReadonlySet<string>): Promise<CacheCheck[]> {
  const names = await readdir(path.join(cache.root, "entries")).catch(() => [] as string[]);
  const checks: CacheCheck[] = [];
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    const sha256 = name.slice(0, -".json".length);
    if (only !== undefined && !only.has(sha256)) continue;
    const found = await cache.entry(sha256);
    if (found === undefined) {
      checks.push({ sha256, kind: "file", bytes: 0, problem: "its content is missing" });
      await cache.forget(sha256);
      continue;
    }
    const { entry } = found;
    const problem =
      entry.kind === "file"
        ? await checkFile(cache.objectPath(sha256), entry)
        : await checkTree(cache, entry);
    checks.push({
      sha256,
      kind: entry.kind,
      bytes: entry.bytes,
      ...(problem === undefined ? {} : { problem }),
    });
    if (problem !== undefined) await cache.forget(sha256);
  }
  return checks;
}

async function hashFile(file: string) {
  const hasher = new ContentHasher();
  for await (const chunk of createReadStream(file)) hasher.update(chunk as Buffer);
  return { ...hasher.digest(), bytes: hasher.bytes };
}

async function checkFile(file: string, expected: { sha256: string; md5: string; bytes: number }) {
  const actual = await hashFile(file).catch((error: Error) => error);
  if (actual instanceof Error) return `cannot be read (${actual.message})`;
  if (actual.sha256 !== expected.sha256) return `sha256 is ${actual.sha256}, expected ${expected.sha256}`;
  if (actual.md5 !== expected.md5) return `md5 is ${actual.md5}, expected ${expected.md5}`;
  if (actual.bytes !== expected.bytes) return `holds ${actual.bytes} bytes, expected ${expected.bytes}`;
  return undefined;
}

async function checkTree(cache: DataCache, entry: CacheEntry): Promise<string | undefined> {
  const manifest = await cache.manifest(entry.sha256);
  if (manifest === undefined) return "its manifest is missing";
  if (treeDigests(manifest).sha256 !== entry.sha256) return "its manifest does not match its address";
  const root = cache.treePath(entry.sha256);
  for (const file of manifest) {
    const problem = await checkFile(path.join(root, ...file.path.split("/")), file);
    if (problem !== undefined) return `${file.path} ${problem}`;
  }
  const present = await readdir(root, { recursive: true, withFileTypes: true });
  const extra = present.filter((e) => e.isFile()).length - manifest.length;
  return extra > 0 ? `holds ${extra} file(s) its manifest does not list` : undefined;
}
