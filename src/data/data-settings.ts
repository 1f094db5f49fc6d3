import os from "node:os";
import path from "node:path";
import type { RepositoryConfig } from "../config/types.js";
import type { S3Config } from "../storage/s3-settings.js";
import { DEFAULT_RETRY, type RetrySettings } from "./download-object.js";

/** How data is fetched and cached: the `[data]` and `[s3]` tables of maat.toml, resolved. */
export interface DataSettings {
  cacheDir: string;
  /** Downloads in flight at once, over every source of a run (default 4). */
  parallel: number;
  retry: RetrySettings;
  s3: S3Config;
}

/**
 * The default cache folder: `$XDG_CACHE_HOME/maat/data`, else `~/.cache/maat/data`.
 * `env` is passed in by the adapter that owns the process environment.
 */
export function defaultCacheDir(env: Record<string, string | undefined>, home: string): string {
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
      ? env.XDG_CACHE_HOME
      : path.join(home, ".cache");
  return path.join(base, "maat", "data");
}

export const DEFAULT_DATA_SETTINGS: Omit<DataSettings, "cacheDir"> = {
  parallel: 4,
  retry: DEFAULT_RETRY,
  s3: { buckets: {} },
};

/** The data settings of a repository config; a relative `cache_dir` is taken from the repository root. */
export function dataSettingsFrom(
  config: Pick<RepositoryConfig, "data" | "s3">,
  where: { repoRoot: string; env: Record<string, string | undefined> },
): DataSettings {
  const cacheDir =
    config.data.cacheDir === undefined
      ? defaultCacheDir(where.env, where.env.HOME ?? os.homedir())
      : path.resolve(where.repoRoot, config.data.cacheDir);
  return {
    cacheDir,
    parallel: config.data.parallel,
    retry: { ...DEFAULT_RETRY, retries: config.data.retries, stallTimeoutMs: config.data.stallTimeoutMs },
    s3: config.s3,
  };
}
