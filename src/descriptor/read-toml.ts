import { parse, TomlError } from "smol-toml";
import { parseTOML } from "toml-eslint-parser";
import type { DescriptorProblem } from "./problem.js";
import { SourceMap } from "./source-map.js";

export type TomlTable = Record<string, unknown>;

/** Where fields sit in the text: what problems and warnings need, built only when one is placed. */
export type Locator = Pick<SourceMap, "locate">;

export type ReadTomlResult =
  | { ok: true; data: TomlTable; sourceMap: Locator }
  | { ok: false; problem: DescriptorProblem };

/**
 * Parses descriptor text once, with smol-toml for the values. Where each field sits comes
 * from toml-eslint-parser's AST, parsed only when a problem or warning has to be placed: a
 * valid descriptor (the common case, a thousand of them per plan) is read by one parser.
 */
export function readToml(text: string, file: string): ReadTomlResult {
  // Windows checkouts (autocrlf) end lines with CRLF. Dropping the CR of each CRLF keeps every
  // line and column where it was, and one line ending for every parser.
  const source = (text.startsWith("\uFEFF") ? text.slice(1) : text).replace(/\r\n/g, "\n");
  let data: TomlTable;
  try {
    // Integers past 2^53 stay exact as BigInt (custom_params keeps them as text).
    data = parse(source, { integersAsBigInt: "asNeeded" }) as TomlTable;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    return { ok: false, problem: syntaxProblem(error, source, file) };
  }
  return { ok: true, data, sourceMap: lazySourceMap(source) };
}

function lazySourceMap(source: string): Locator {
  let map: Locator | undefined;
  return {
    locate(path, anchor) {
      if (map === undefined) {
        try {
          map = SourceMap.fromProgram(parseTOML(source));
        } catch {
          // The values parsed; a position parser that cannot follow (a value of tens of thousands
          // of characters overflows its recursion) only loses the line numbers.
          map = { locate: () => ({ line: 1, column: 1 }) };
        }
      }
      return map.locate(path, anchor);
    },
  };
}

function syntaxProblem(error: TomlError, source: string, file: string): DescriptorProblem {
  // smol-toml's message is "Invalid TOML document: <what>" and then an excerpt of the source.
  const what = (error.message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "");
  const character = characterAt(source, error.line, error.column);
  return {
    file,
    line: error.line,
    column: error.column,
    field: "",
    message: `TOML syntax error: ${describeProblem(what, character)}`,
    hint: "see https://toml.io for the syntax; strings need quotes, tables are written [name]",
  };
}

/** smol-toml's words, with the character it stopped at where that is what went wrong. */
function describeProblem(what: string, character: number | undefined): string {
  // A basic string that meets the end of its line is unterminated, not a control character.
  if (what.startsWith("control characters are not allowed in strings") && character === 0x0a) {
    return "unterminated string (a string in double or single quotes ends on its line)";
  }
  if (character !== undefined && /character/.test(what)) {
    return `${what}: ${describeCharacter(character)}`;
  }
  return what;
}

function characterAt(source: string, line: number, column: number): number | undefined {
  const lines = source.split("\n");
  const text = lines[line - 1];
  if (text === undefined) return undefined;
  // Just past the text of a line that is not the last is its line feed.
  if (column - 1 === text.length && line < lines.length) return 0x0a;
  return text.codePointAt(column - 1);
}

function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  // Control and invisible characters read better as their code point.
  if (code < 0x21 || (code >= 0x7f && code <= 0xa0) || code === 0xfeff) return hex;
  return `${JSON.stringify(String.fromCodePoint(code))} (${hex})`;
}
