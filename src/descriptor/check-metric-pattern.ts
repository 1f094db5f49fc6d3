import { linearPatternProblem } from "../metrics/linear-pattern.js";

/** Python's inline flag groups, such as (?i) or (?ms): JavaScript has none. */
const PYTHON_FLAGS = /\(\?[aiLmsux]+\)/;

/** Why a metric pattern cannot be used, with a fix; undefined when it compiles with one capture group. */
export function checkMetricPattern(pattern: string): { message: string; hint?: string } | undefined {
  try {
    new RegExp(pattern);
  } catch (error) {
    // Node's message repeats the pattern as /.../; the field already points at it.
    const reason = (error instanceof Error ? error.message : String(error)).replace(
      /^Invalid regular expression: \/.*\/[a-z]*: /s,
      "",
    );
    return { message: `is not a valid JavaScript regular expression: ${reason}`, hint: pythonHint(pattern) };
  }
  // An empty alternative always matches, so the match array reveals the number of groups.
  const groups = (new RegExp(`${pattern}|`).exec("")?.length ?? 1) - 1;
  if (groups === 1) {
    const slow = linearPatternProblem(pattern);
    return slow === undefined
      ? undefined
      : {
          message: slow,
          hint: "drop backreferences (\\1), lookarounds ((?=...), (?!...)) and large counts like {1000}; match the value with a plain group such as ([0-9.]+)",
        };
  }
  if (groups === 0) {
    return {
      message: "must have exactly one capture group around the value (found none)",
      hint: 'put parentheses around the number, for example "accuracy=([0-9.]+)"',
    };
  }
  return {
    message: `must have exactly one capture group around the value (found ${groups})`,
    hint: "make the other groups non-capturing: (?:...) instead of (...)",
  };
}

/** For a pattern written in Python's dialect: the same pattern in JavaScript's, quoted as TOML. */
function pythonHint(pattern: string): string {
  const named = /\(\?P[<=]/.test(pattern);
  const flags = PYTHON_FLAGS.test(pattern);
  if (!named && !flags) {
    return "patterns are JavaScript regular expressions (without flags), applied to each log line";
  }
  const rewritten = pattern
    .replaceAll("(?P<", "(?<")
    .replace(/\(\?P=(\w+)\)/g, "\\k<$1>")
    .replace(new RegExp(PYTHON_FLAGS, "g"), "");
  const caseNote = flags
    ? "; JavaScript has no inline flags such as (?i), so spell out both cases ([Aa]ccuracy)"
    : "";
  return `this looks like Python syntax: ${toml(pattern)} in JavaScript is ${toml(rewritten)}${caseNote}`;
}

/** A pattern as it would be written in the descriptor: a literal string, which needs no escapes. */
function toml(pattern: string): string {
  return pattern.includes("'") || pattern.includes("\n") ? JSON.stringify(pattern) : `'${pattern}'`;
}
