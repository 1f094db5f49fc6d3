import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  linearEngineAvailable,
  linearPatternProblem,
  plainlyLinear,
} from "../../src/metrics/linear-pattern.js";

/** A pattern's pieces, both those the linear-time engine takes and those it may refuse. */
const atom: fc.Arbitrary<string> = fc.letrec<{ pattern: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("a", "b", "1", "=", ".", "-", "]", ")", "^", "$", " ", "é"),
    fc.constantFrom(
      "\\d",
      "\\w",
      "\\s",
      "\\D",
      "\\.",
      "\\\\",
      "\\(",
      "\\[",
      "\\{",
      "\\0",
      "\\t",
      "\\x41",
      "\\u0041",
    ),
    fc.constantFrom("\\b", "\\B", "\\1", "\\2", "\\k<n>", "\\cA"),
    fc.constantFrom("[0-9.]", "[^a]", "[\\]]", "[(){}]", "[\\d-]", "[]", "[^]", "[\\b1]"),
    tie("pattern").map((inner) => `(${inner})`),
    tie("pattern").map((inner) => `(?:${inner})`),
    tie("pattern").map((inner) => `(?=${inner})`),
    tie("pattern").map((inner) => `(?!${inner})`),
    tie("pattern").map((inner) => `(?<=${inner})`),
    tie("pattern").map((inner) => `(?<n>${inner})`),
  ),
  pattern: fc
    .array(
      fc.tuple(
        tie("atom"),
        fc.constantFrom("", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{2,}", "{2000}", "{70000}"),
      ),
      { maxLength: 4 },
    )
    .chain((pieces) =>
      fc
        .constantFrom("", "|", "|a")
        .map((tail) => pieces.map(([a, quantifier]) => a + quantifier).join("") + tail),
    ),
})).pattern;

function compiles(pattern: string, flags = ""): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

describe("metric patterns known to be linear without asking the engine", () => {
  it("are always patterns the linear-time engine takes", () => {
    expect(linearEngineAvailable()).toBe(true);
    fc.assert(
      fc.property(atom, (pattern) => {
        fc.pre(compiles(pattern));
        if (plainlyLinear(pattern)) expect(compiles(pattern, "l"), pattern).toBe(true);
      }),
      { numRuns: 5000, seed: 20261202 },
    );
  });

  it("take the patterns descriptors write, and leave the rest to the engine", () => {
    for (const pattern of [
      "ops_per_second=([-+]?\\d*\\.?\\d+)",
      "^throughput: ([0-9.]+) samples/s$",
      "(?:loss|error)=([0-9.eE+-]+)",
      "\\[step \\d+\\] latency_ms=(\\S+)",
      "speed=([^ ]+?) ",
    ]) {
      expect(plainlyLinear(pattern), pattern).toBe(true);
    }
    for (const pattern of [
      "(\\d)\\1=([0-9]+)",
      "x{5000}=(\\d)",
      "(\\d+)(?!\\d)",
      "(?<v>\\d+)",
      "\\b(\\d+)",
    ]) {
      expect(plainlyLinear(pattern), pattern).toBe(false);
    }
    expect(linearPatternProblem("(\\d)\\1=([0-9]+)")).toMatch(/cannot be matched in linear time/);
    expect(linearPatternProblem("\\b(\\d+)")).toBeUndefined();
  });
});
