import { randomBytes } from "node:crypto";
import { chmod, copyFile, link, mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { sha256Hex } from "../sha256.js";
import { writeFileAtomic } from "../storage/atomic-write.js";
import type { CacheEntry, TreeFile } from "./cache-entry.js";
import { withCacheLock } from "./cache-lock.js";
import type { ExpectedDigests } from "./checksums.js";
import { sortTreeFiles, treeDigests } from "./tree-digests.js";

/** A cached piece of content and where it lies. */
export interface CachedContent {
  entry: CacheEntry;
  path: string;
}

interface UrlRecord {
  url: string;
  sha256: string;
  fetchedAt: string;
}

/**
 * The content-addressed data cache (see docs/data.md for the layout):
 * files in `objects/<sha256>`, folders in `trees/<sha256>/` (hard links to objects),
 * `entries/<sha256>.json` as the commit point, and indexes by md5 and by URL. Content is
 * written to `tmp/` first and renamed into place only once verified, so a reader sees a
 * complete entry or none. Cached files are read-only.
 */
export class DataCache {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  objectPath(sha256: string): string {
    return path.join(this.root, "objects", sha256);
  }

  /** Digests of local sources, remembered per file (see describeLocalSource). */
  get localMemoDir(): string {
    return path.join(this.root, "local");
  }

  treePath(sha256: string): string {
    return path.join(this.root, "trees", sha256);
  }

  /** A fresh path in the cache's staging folder (same file system, so renames are atomic). */
  async tempPath(label = "download"): Promise<string> {
    await mkdir(path.join(this.root, "tmp"), { recursive: true });
    return path.join(this.root, "tmp", `${label}-${process.pid}-${randomBytes(6).toString("hex")}`);
  }

  /** Content matching the expected digests (sha256 first, then md5); undefined when not cached. */
  async find(expected: ExpectedDigests): Promise<CachedContent | undefined> {
    let sha256 = expected.sha256;
    if (sha256 === undefined && expected.md5 !== undefined) {
      sha256 = (await readJson<{ sha256: string }>(this.#indexPath("md5", expected.md5)))?.sha256;
    }
    if (sha256 === undefined) return undefined;
    const found = await this.entry(sha256);
    if (found === undefined) return undefined;
    if (expected.md5 !== undefined && found.entry.md5 !== expected.md5) return undefined;
    return found;
  }

  /** What was last fetched from `url` (for `cache = "by-url"`), optionally only if fetched at or after `since`. */
  async findByUrl(url: string, since?: Date): Promise<CachedContent | undefined> {
    const record = await readJson<UrlRecord>(this.#indexPath("url", hashKey(url)));
    if (record === undefined || record.url !== url) return undefined;
    if (since !== undefined && new Date(record.fetchedAt) < since) return undefined;
    return this.entry(record.sha256);
  }

  /** The entry for a sha256, when both its record and its content are present. */
  async entry(sha256: string): Promise<CachedContent | undefined> {
    const entry = await readJson<CacheEntry>(path.join(this.root, "entries", `${sha256}.json`));
    if (entry === undefined) return undefined;
    const where = entry.kind === "file" ? this.objectPath(sha256) : this.treePath(sha256);
    return (await exists(where)) ? { entry, path: where } : undefined;
  }

  /** Moves a verified download into `objects/` (read-only) and records it. */
  async commitFile(tempFile: string, entry: Omit<CacheEntry, "kind" | "files">): Promise<CachedContent> {
    const target = this.objectPath(entry.sha256);
    await mkdir(path.dirname(target), { recursive: true });
    await chmod(tempFile, 0o444);
    if (await exists(target)) await rm(tempFile, { force: true });
    else await rename(tempFile, target);
    const full: CacheEntry = { ...entry, kind: "file", files: 1 };
    await this.#record(full);
    return { entry: full, path: target };
  }

  /** Builds `trees/<sha256>/` from committed objects (hard links) and records it with its manifest. */
  async commitTree(files: readonly TreeFile[]): Promise<CachedContent> {
    const digests = treeDigests(files);
    const target = this.treePath(digests.sha256);
    const entry: CacheEntry = {
      kind: "directory",
      ...digests,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      files: files.length,
    };
    if (!(await exists(target))) {
      const staging = await this.tempPath("tree");
      for (const file of files) {
        const placed = path.join(staging, ...file.path.split("/"));
        await mkdir(path.dirname(placed), { recursive: true });
        await link(this.objectPath(file.sha256), placed).catch(async (error: NodeJS.ErrnoException) => {
          // File systems without hard links: a read-only copy does as well.
          if (error.code !== "EPERM" && error.code !== "EXDEV" && error.code !== "ENOTSUP") throw error;
          await copyFile(this.objectPath(file.sha256), placed);
          await chmod(placed, 0o444);
        });
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
        // Another run built the same tree first: theirs is identical.
        await rm(staging, { recursive: true, force: true });
        if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
      });
    }
    await writeFileAtomic(this.manifestPath(entry.sha256), JSON.stringify(sortTreeFiles(files)));
    await this.#record(entry);
    return { entry, path: target };
  }

  manifestPath(sha256: string): string {
    return path.join(this.root, "manifests", `${sha256}.json`);
  }

  async manifest(sha256: string): Promise<TreeFile[] | undefined> {
    return readJson<TreeFile[]>(this.manifestPath(sha256));
  }

  /** Remembers that `url` gave this content now (for `cache = "by-url"` and runs waiting on the same URL). */
  async recordUrl(url: string, sha256: string, fetchedAt: Date): Promise<void> {
    const record: UrlRecord = { url, sha256, fetchedAt: fetchedAt.toISOString() };
    await writeFileAtomic(this.#indexPath("url", hashKey(url)), JSON.stringify(record));
  }

  /** Forgets an entry (its content stays until no entry needs it); used when verification finds it corrupt. */
  async forget(sha256: string): Promise<void> {
    await rm(path.join(this.root, "entries", `${sha256}.json`), { force: true });
    const tree = this.treePath(sha256);
    await rm(tree, { recursive: true, force: true });
    await rm(this.objectPath(sha256), { force: true });
    await rm(this.manifestPath(sha256), { force: true });
  }

  /** Serializes work on one key (a URL or digest) across processes sharing this cache. */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    return withCacheLock(path.join(this.root, "locks"), hashKey(key), work);
  }

  /** Where a resumable partial download of `key` is kept between attempts and runs. */
  partialPath(key: string): string {
    return path.join(this.root, "partial", hashKey(key));
  }

  async #record(entry: CacheEntry): Promise<void> {
    await writeFileAtomic(path.join(this.root, "entries", `${entry.sha256}.json`), JSON.stringify(entry));
    await writeFileAtomic(this.#indexPath("md5", entry.md5), JSON.stringify({ sha256: entry.sha256 }));
  }

  #indexPath(kind: "md5" | "url", key: string): string {
    return path.join(this.root, "index", kind, `${key}.json`);
  }
}

export function hashKey(text: string): string {
  return sha256Hex(text);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}
