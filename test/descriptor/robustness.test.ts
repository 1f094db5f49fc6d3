import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DescriptorError, type DescriptorResult, parseDescriptor } from "../../src/descriptor/index.js";

const EXAMPLES = ["anubis-training.toml", "anubis-inference.toml"].map((name) =>
  readFileSync(new URL(`../fixtures/descriptors/${name}`, import.meta.url), "utf8"),
);

/**
 * parseDescriptor may only throw a DescriptorError (its safety net for bugs); bad input itself
 * must come back as problems, so these properties demand a result every time.
 */
function parseSafely(text: string): DescriptorResult {
  try {
    const result = parseDescriptor(text, { file: "fuzz.toml" });
    // A result is either a descriptor or at least one problem, each placed on a real position.
    expect(result.descriptor === undefined).toBe(result.problems.length > 0);
    for (const p of [...result.problems, ...result.warnings]) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
    }
    return result;
  } catch (error) {
    expect(error).toBeInstanceOf(DescriptorError);
    throw error;
  }
}

// Edits that stress TOML and the schema: quotes, brackets, newlines, odd numbers and keys.
const fragment = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    "[",
    "]",
    "[[",
    '"',
    "'",
    "=",
    "\n",
    ".",
    "#",
    "\\",
    "{",
    "}",
    ",",
    "0x1",
    "1e999",
    "-0",
    "nan",
  ),
  fc.constantFrom(
    "[server]",
    "[run]\nrepetitions = 0",
    "[[output.metrics]]",
    'strategy = "inference"',
    "\u0000",
  ),
);

const mutation = fc.record({ at: fc.nat(), remove: fc.nat({ max: 20 }), insert: fragment });

function mutate(text: string, edits: Array<{ at: number; remove: number; insert: string }>): string {
  return edits.reduce((t, { at, remove, insert }) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i + remove);
  }, text);
}

describe("parseDescriptor on any input", () => {
  test("returns problems instead of throwing for arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => void parseSafely(text)),
      {
        numRuns: 300,
      },
    );
  });

  test("returns problems instead of throwing for arbitrary bytes", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        (bytes) => void parseSafely(new TextDecoder().decode(bytes)),
      ),
      { numRuns: 300 },
    );
  });

  test("returns a descriptor or problems for random edits of the valid examples", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (text, edits) => {
          void parseSafely(mutate(text, edits));
        },
      ),
      { numRuns: 400 },
    );
  });

  test("keeps the examples valid when only comments and blank lines are added", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.nat(),
        // Plain words only: a quote or backslash would change a multi-line string the comment lands in.
        fc.stringMatching(/^[A-Za-z0-9 ]{0,20}$/),
        (text, at, comment) => {
          const lines = text.split("\n");
          const i = at % (lines.length + 1);
          lines.splice(i, 0, `# ${comment}`, "");
          expect(parseSafely(lines.join("\n")).problems).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
