import type { Direction } from "../descriptor/types.js";
import type { MetricProblem } from "../results/receipt-types.js";

/**
 * Result files written by other benchmark harnesses, and what Maat reads from them.
 * Parsers are pure (text in, metrics out); reading files lives in read-result-files.ts.
 */

/** The result formats `[[output.files]]` and `maat import` understand. */
export const HARNESS_FORMATS = [
  "pytest-benchmark",
  "google-benchmark",
  "hyperfine",
  "criterion",
  "go-test-bench",
  "mlperf-log",
  "custom-bigger-is-better",
  "custom-smaller-is-better",
] as const;

export type HarnessFormat = (typeof HARNESS_FORMATS)[number];

/** One metric read from a result file. */
export interface HarnessMetric {
  /** A valid Maat metric name (see metric-name.ts), unique within the file. */
  name: string;
  unit: string;
  direction: Direction;
  /** The file's value for this metric (the statistic chosen); null with a problem. */
  value: number | null;
  /** The raw values behind it, in order (timings of each round, each `-count` run, each evaluation). */
  series: number[];
  problem?: { kind: MetricProblem; detail: string };
}

export interface HarnessResult {
  metrics: HarnessMetric[];
  /** What a reader of the receipt should know (ignored failures, entries passed over). */
  notes: string[];
}

/** What a parser gets besides the text: which statistic to report, and the file's other parts. */
export interface ParseOptions {
  /** The file as the user named it, for messages. */
  file: string;
  /** One of the format's statistics (see STATISTICS in formats.ts); the format's default when absent. */
  statistic?: string;
  /** Criterion: the `benchmark.json` beside `estimates.json`, and the folder path naming the benchmark. */
  companion?: { benchmarkJson?: string; fallbackName: string };
}
