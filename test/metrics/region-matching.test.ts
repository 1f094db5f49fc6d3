import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { MetricDefinition } from "../../src/descriptor/types.js";
import { createMetricExtractor } from "../../src/metrics/metric-extractor.js";

const metric = (name: string, pattern: string): MetricDefinition => ({
  name,
  units: "",
  pattern,
  direction: "unknown",
  directionInferred: false,
  aggregate: "mean",
  thresholds: {},
});

/** What "applied to every line" means, the slow and obvious way. */
function lineByLine(text: string, pattern: string): number[] {
  const values: number[] = [];
  for (const line of text.split("\n")) {
    for (const match of line.replace(/\r$/, "").matchAll(new RegExp(pattern, "g")))
      values.push(Number(match[1]));
  }
  return values;
}

const line = fc.oneof(
  fc.constantFrom("", "noise", "^loss", "x loss=", "step=3"),
  fc.double({ min: 0, max: 1000, noNaN: true }).map((v) => `loss=${v.toFixed(3)} lr=1`),
  fc
    .double({ min: 0, max: 1000, noNaN: true })
    .map((v) => `a loss=${v.toFixed(2)} b loss=${(v / 2).toFixed(2)}`),
);

describe("matching whole regions of lines at once", () => {
  test.each([
    ["loss=([0-9.]+)", "no pattern part can match a newline: matched region by region"],
    ["^loss=([0-9.]+)", "anchored at the start of a line"],
    ["loss=([0-9.]+) lr", "a literal after the capture"],
    ["loss=\\s*([0-9.]+)", "whitespace could match a newline: matched line by line"],
  ])("%s gives the values of every line, in order, however the output is chunked (%s)", (pattern) => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 20 }),
        fc.boolean(),
        (lines, cuts, crlf) => {
          const text = `${lines.join(crlf ? "\r\n" : "\n")}\n`;
          const extractor = createMetricExtractor([metric("loss", pattern)]);
          let at = 0;
          for (const cut of cuts) {
            extractor.write(text.slice(at, at + cut));
            at += cut;
          }
          extractor.write(text.slice(at));
          const observed = extractor.finish().metrics.loss!;
          expect(observed.series).toEqual(lineByLine(text, pattern));
        },
      ),
      { numRuns: 150, seed: 20261202 },
    );
  });
});
