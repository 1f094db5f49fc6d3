import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSettings } from "../../src/data/data-settings.js";
import { type PrepareDataOptions, prepareDataSources } from "../../src/data/prepare-data.js";
import type { DataSource } from "../../src/descriptor/types.js";
import type { S3Config } from "../../src/storage/s3-settings.js";

export const md5 = (data: string | Buffer) => createHash("md5").update(data).digest("hex");
export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** Deterministic pseudo-random bytes (so a failing test shows the same data again). */
export function bytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >>> 16;
  }
  return out;
}

export interface DataSandbox {
  dir: string;
  cacheDir: string;
  settings(overrides?: Partial<DataSettings> & { s3?: S3Config }): DataSettings;
  prepare(
    sources: DataSource[],
    overrides?: Partial<DataSettings>,
    extra?: Partial<PrepareDataOptions>,
  ): ReturnType<typeof prepareDataSources>;
  /** Files below the cache's content folders (objects, trees, entries, index): what a reader could see. */
  cachedContent(): Promise<string[]>;
  remove(): Promise<void>;
}

/** A temp folder with a data cache in it and quick retries (tests must not wait on backoff). */
export async function makeDataSandbox(s3: S3Config = { buckets: {} }): Promise<DataSandbox> {
  const dir = await mkdtemp(join(tmpdir(), "maat-data-"));
  const cacheDir = join(dir, "cache");
  const settings = (overrides: Partial<DataSettings> = {}): DataSettings => ({
    cacheDir,
    parallel: 3,
    retry: { retries: 2, minDelayMs: 10, stallTimeoutMs: 20_000 },
    s3,
    ...overrides,
  });
  return {
    dir,
    cacheDir,
    settings,
    prepare: (sources, overrides, extra) =>
      prepareDataSources(sources, { settings: settings(overrides), cwd: dir, env: {}, ...extra }),
    async cachedContent() {
      const found: string[] = [];
      for (const folder of ["objects", "trees", "entries", "index"]) {
        const entries = await readdir(join(cacheDir, folder), { recursive: true }).catch(() => []);
        found.push(...entries.map((e) => `${folder}/${e}`));
      }
      return found;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
