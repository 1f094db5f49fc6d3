import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "./config-error.js";
import { normalizeConfig } from "./normalize-config.js";
import { parseRepositoryConfig } from "./parse-config.js";
import type { RepositoryConfig } from "./types.js";

export const CONFIG_FILE = "maat.toml";

/**
 * Reads `maat.toml` at the repository root (or `options.path`, relative to it). A missing
 * default file means the built-in defaults; a missing file that was asked for by name is
 * an error. Throws ConfigError listing every problem of an invalid file.
 */
export async function loadRepositoryConfig(
  repoRoot: string,
  options: { path?: string } = {},
): Promise<RepositoryConfig> {
  const file = options.path ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(join(repoRoot, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    if (options.path === undefined) return normalizeConfig({}, undefined);
    throw new ConfigError(
      file,
      [{ file, field: "", message: "file not found", hint: `looked in ${repoRoot}` }],
      {
        cause: error,
      },
    );
  }
  const { config, problems } = parseRepositoryConfig(text, file);
  if (config === undefined) throw new ConfigError(file, problems);
  return config;
}
