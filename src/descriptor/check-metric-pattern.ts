import { linearPatternProblem } from "../metrics/linear-pattern.js";

/** Why a metric pattern cannot be used, with a fix; undefined when it compiles with one capture group. */
export function checkMetricPattern(pattern: string): { message: string; hint?: string } | undefined {
  let groups: number;
  try {
    // An empty alternative always matches, so the match array reveals the number of groups.
    groups = (new RegExp(`${pattern}|`).exec("")?.length ?? 1) - 1;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { message: `is not a valid JavaScript regular expression (${reason})`, hint: pythonHint(pattern) };
  }
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

function pythonHint(pattern: string): string {
  if (/\(\?P[<=>]/.test(pattern)) {
    return "this looks like Python syntax: write a named group as (?<name>...) in JavaScript, or use a plain group (...)";
  }
  if (/\(\?[aiLmsux]+\)/.test(pattern)) {
    return "this looks like a Python inline flag such as (?i); JavaScript has no inline flags, spell out both cases ([Aa]ccuracy)";
  }
  return "patterns are JavaScript regular expressions (without flags), applied to each log line";
}
