import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseHarnessOutput } from "../../src/harness/formats.js";
import type { HarnessFormat, HarnessMetric, ParseOptions } from "../../src/harness/types.js";

/** Real result files of each harness (sources in test/fixtures/harness/SOURCES.md). */
export const FIXTURES = fileURLToPath(new URL("../fixtures/harness/", import.meta.url));

export function readFixture(file: string): string {
  return readFileSync(`${FIXTURES}${file}`, "utf8");
}

/** Parses a fixture and returns its metrics by name. */
export function parseFixture(
  format: HarnessFormat,
  file: string,
  options: Partial<ParseOptions> = {},
): { metrics: Map<string, HarnessMetric>; notes: string[] } {
  const result = parseHarnessOutput(format, readFixture(file), { file, ...options });
  return { metrics: new Map(result.metrics.map((m) => [m.name, m])), notes: result.notes };
}
