import { parseCriterion } from "./criterion.js";
import { parseCustomJson } from "./custom-json.js";
import { parseGoTestBench } from "./go-test-bench.js";
import { parseGoogleBenchmark } from "./google-benchmark.js";
import { parseHyperfine } from "./hyperfine.js";
import { parseMlperfLog } from "./mlperf-log.js";
import { parsePytestBenchmark } from "./pytest-benchmark.js";
import { HARNESS_FORMATS, type HarnessFormat, type HarnessResult, type ParseOptions } from "./types.js";

/** The statistics each format can report as a benchmark's value; the first is the default. */
export const STATISTICS: Record<HarnessFormat, readonly string[]> = {
  "pytest-benchmark": ["mean", "median", "min", "max", "ops"],
  "google-benchmark": ["real_time", "cpu_time"],
  hyperfine: ["mean", "median", "min", "max"],
  criterion: ["mean", "median", "slope"],
  "go-test-bench": [],
  "mlperf-log": [],
  "custom-bigger-is-better": [],
  "custom-smaller-is-better": [],
};

const PARSERS: Record<HarnessFormat, (text: string, options: ParseOptions) => HarnessResult> = {
  "pytest-benchmark": parsePytestBenchmark,
  "google-benchmark": parseGoogleBenchmark,
  hyperfine: parseHyperfine,
  criterion: parseCriterion,
  "go-test-bench": parseGoTestBench,
  "mlperf-log": parseMlperfLog,
  "custom-bigger-is-better": (text, options) => parseCustomJson(text, options, "higher_is_better"),
  "custom-smaller-is-better": (text, options) => parseCustomJson(text, options, "lower_is_better"),
};

export function isHarnessFormat(name: string): name is HarnessFormat {
  return (HARNESS_FORMATS as readonly string[]).includes(name);
}

/**
 * Reads one result file's text as `format`. Names are made unique within the file (a second
 * benchmark that cleans up to the same name gets `_2`), so no two benchmarks share a metric.
 *
 * @example parseHarnessOutput("hyperfine", text, { file: "bench.json" }).metrics[0].name
 */
export function parseHarnessOutput(
  format: HarnessFormat,
  text: string,
  options: ParseOptions,
): HarnessResult {
  const result = PARSERS[format](text, options);
  const seen = new Map<string, number>();
  for (const metric of result.metrics) {
    const count = (seen.get(metric.name) ?? 0) + 1;
    seen.set(metric.name, count);
    if (count > 1) metric.name = `${metric.name}_${count}`;
  }
  return result;
}
