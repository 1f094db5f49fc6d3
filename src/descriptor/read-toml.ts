import TOML from "@iarna/toml";
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
 * Parses descriptor text once, with @iarna/toml for the values. Where each field sits comes
 * from toml-eslint-parser's AST, parsed only when a problem or warning has to be placed: a
 * valid descriptor (the common case, a thousand of them per plan) is read by one parser.
 */
export function readToml(text: string, file: string): ReadTomlResult {
  // Windows checkouts (autocrlf) end lines with CRLF; @iarna/toml rejects a CR in a comment.
  // Dropping the CR of each CRLF keeps every line and column where it was.
  const source = (text.startsWith("\uFEFF") ? text.slice(1) : text).replace(/\r\n/g, "\n");
  let data: TomlTable;
  try {
    data = TOML.parse(source) as TomlTable;
  } catch (error) {
    return { ok: false, problem: iarnaSyntaxProblem(error, file) };
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

function iarnaSyntaxProblem(error: unknown, file: string): DescriptorProblem {
  const e = (error ?? {}) as { line?: unknown; col?: unknown; message?: unknown };
  // @iarna/toml counts lines and columns from 0 and appends a source excerpt after the first line.
  const firstLine = String(e.message ?? error).split("\n")[0] ?? "";
  const message = nameCharacters(firstLine.replace(/ at row \d+, col \d+, pos \d+:?$/, ""));
  return {
    file,
    line: typeof e.line === "number" ? e.line + 1 : 1,
    column: typeof e.col === "number" ? e.col + 1 : 1,
    field: "",
    message: `TOML syntax error: ${message}`,
    hint: "see https://toml.io for the syntax; strings need quotes, tables are written [name]",
  };
}

/** @iarna/toml names a character by its code ("Unknown character \"123\""): show the character. */
function nameCharacters(message: string): string {
  return message
    .replace(
      /^Unknown character "(\d+)"/,
      (_, code: string) => `Unknown character ${describeCharacter(Number(code))}`,
    )
    .replace(
      /^Unknown escape character: (\d+)/,
      (_, code: string) => `Unknown escape character ${describeCharacter(Number(code))}`,
    );
}

function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  // Control and invisible characters read better as their code point.
  if (code < 0x21 || (code >= 0x7f && code <= 0xa0) || code === 0xfeff) return hex;
  return `${JSON.stringify(String.fromCodePoint(code))} (${hex})`;
}
