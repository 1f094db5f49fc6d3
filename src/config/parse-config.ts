import { getStaticTOMLValue, ParseError, parseTOML } from "toml-eslint-parser";
import { normalizeConfig } from "./normalize-config.js";
import { indexTomlPositions } from "./toml-locations.js";
import type { ConfigProblem, RepositoryConfig } from "./types.js";
import { validateConfigValue } from "./validate-config.js";

/**
 * Parses and validates the text of a `maat.toml`. Never throws for bad input: `config`
 * is set only when `problems` is empty, so a user sees every problem at once.
 *
 * @example
 * const { config, problems } = parseRepositoryConfig('[baselines]\nmax_runs = 50\n', "maat.toml");
 */
export function parseRepositoryConfig(
  text: string,
  file: string,
): { config?: RepositoryConfig; problems: ConfigProblem[] } {
  let program: ReturnType<typeof parseTOML>;
  try {
    // CRLF (Windows checkouts) reads as LF: lines and columns stay where they were.
    program = parseTOML(text.replace(/\r\n/g, "\n"));
  } catch (error) {
    if (error instanceof RangeError) {
      return { problems: [{ file, field: "", message: "has a value too long to read" }] };
    }
    if (error instanceof ParseError) {
      const problem = { file, line: error.lineNumber, column: error.column + 1, field: "" };
      return { problems: [{ ...problem, message: `invalid TOML: ${error.message}` }] };
    }
    throw error;
  }
  const value = getStaticTOMLValue(program);
  const problems = validateConfigValue(value, file, indexTomlPositions(program));
  if (problems.length > 0) return { problems };
  return { config: normalizeConfig(value, file), problems };
}
