import { join } from "node:path";
import { FileReadProblem, MAX_TOML_BYTES, readRegularTextFile } from "../read-regular-file.js";
import { ConfigError } from "./config-error.js";
import { normalizeConfig } from "./normalize-config.js";
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
    text = await readRegularTextFile(join(repoRoot, file), MAX_TOML_BYTES);
  } catch (error) {
    if (!(error instanceof FileReadProblem)) throw error;
    if (error.code !== "not-found") {
      const message = error.message.slice(join(repoRoot, file).length + 1);
      throw new ConfigError(file, [
        { file, field: "", message, hint: "maat.toml must be a small regular file" },
      ]);
    }
    if (options.path === undefined) return normalizeConfig({}, undefined);
    throw new ConfigError(
      file,
      [{ file, field: "", message: "file not found", hint: `looked in ${repoRoot}` }],
      {
        cause: error,
      },
    );
  }
  // Loaded only when there is a file: the parser and schema validator are most of the config's code.
  const { parseRepositoryConfig } = await import("./parse-config.js");
  const { config, problems } = parseRepositoryConfig(text, file);
  if (config === undefined) throw new ConfigError(file, problems);
  return config;
}
