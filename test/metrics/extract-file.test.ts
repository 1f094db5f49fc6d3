import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { extractMetricsFromFile } from "../../src/metrics/extract-file.js";
import { createMetricExtractor } from "../../src/metrics/metric-extractor.js";
import { defineMetric } from "./define-metric.js";

const dir = mkdtempSync(path.join(tmpdir(), "maat-extract-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("extracting metrics from a file read through one reused buffer", () => {
  it("finds what one whole write finds, however the reads cut the lines", async () => {
    const definitions = [
      defineMetric("speed", "speed=([0-9.]+)", "mean"),
      defineMetric("loss", "loss: (\\S+)"),
    ];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.nat({ max: 10_000 }).map((v) => `step speed=${v / 10} ok`),
            fc.double({ min: 0, max: 5, noNaN: true }).map((v) => `loss: ${v}`),
            fc.string({ maxLength: 30 }).filter((s) => !s.includes("\n")),
          ),
          { maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 48 }),
        async (lines, readBytes) => {
          const text = lines.join("\n");
          const file = path.join(dir, `log-${run++}.txt`);
          writeFileSync(file, text);
          const whole = createMetricExtractor(definitions);
          whole.write(Buffer.from(text));
          const read = await extractMetricsFromFile(file, definitions, { highWaterMark: readBytes });
          expect(read).toEqual(whole.finish());
          rmSync(file);
        },
      ),
      { numRuns: 150, seed: 20261202 },
    );
  });
});
