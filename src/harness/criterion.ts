import { HarnessFileError } from "./harness-error.js";
import { finiteNumber, isObject, type JsonObject, parseJsonFile } from "./json-input.js";
import { harnessMetricName } from "./metric-name.js";
import type { HarnessMetric, HarnessResult, ParseOptions } from "./types.js";

export const CRITERION_STATISTICS = ["mean", "median", "slope"] as const;

/** Criterion 0.3+ writes snake_case keys; older versions wrote `Mean`, `StdDev`, `MedianAbsDev`. */
const KEYS: Record<string, string[]> = {
  mean: ["mean", "Mean"],
  median: ["median", "Median"],
  slope: ["slope", "Slope"],
  std_dev: ["std_dev", "StdDev"],
};

const THROUGHPUT_UNITS: Record<string, string> = {
  Bytes: "B/s",
  BytesDecimal: "B/s",
  Elements: "elements/s",
};

/**
 * One Criterion `new/estimates.json`: the benchmark's `<statistic>` point estimate per
 * iteration in nanoseconds (mean by default). It is named by the `benchmark.json` beside it
 * (`full_id`), or by its folder below `target/criterion`. A group with a declared throughput
 * also gets `<name>.throughput` in bytes or elements per second, as Criterion reports it.
 */
export function parseCriterion(text: string, options: ParseOptions): HarnessResult {
  const format = "criterion";
  const estimates = parseJsonFile(text, options.file, format);
  if (!isObject(estimates) || pick(estimates, "mean") === undefined) {
    throw new HarnessFileError(
      options.file,
      format,
      "has no mean estimate, so it is not a Criterion estimates.json",
    );
  }
  if (pick(estimates, "std_dev") === undefined) {
    throw new HarnessFileError(
      options.file,
      format,
      "holds relative changes, not measurements (a Criterion change/estimates.json)",
      "point the path at new/estimates.json, or at the target/criterion folder",
    );
  }
  const info = readBenchmarkJson(options);
  const label = String(info?.full_id ?? info?.title ?? options.companion?.fallbackName ?? options.file);
  const statistic = options.statistic ?? "mean";
  const point = finiteNumber((pick(estimates, statistic) as JsonObject | undefined)?.point_estimate);
  const metric: HarnessMetric = {
    name: harnessMetricName(label),
    unit: "ns",
    direction: "lower_is_better",
    value: point ?? null,
    series: point === undefined ? [] : [point],
  };
  if (point === undefined) {
    const why = statistic === "slope" ? " (flat sampling mode has no slope)" : "";
    metric.problem = { kind: "missing", detail: `${label} has no ${statistic} estimate${why}` };
  }
  const metrics = [metric];
  const throughput = isObject(info?.throughput) ? Object.entries(info.throughput)[0] : undefined;
  const perIteration = throughput === undefined ? undefined : finiteNumber(throughput[1]);
  if (throughput !== undefined && perIteration !== undefined && point !== undefined && point > 0) {
    const rate = perIteration / (point * 1e-9);
    metrics.push({
      name: harnessMetricName(label, "throughput"),
      unit: THROUGHPUT_UNITS[throughput[0]] ?? `${throughput[0]}/s`,
      direction: "higher_is_better",
      value: rate,
      series: [rate],
    });
  }
  return { metrics, notes: [] };
}

function pick(estimates: JsonObject, statistic: string): unknown {
  for (const key of KEYS[statistic] ?? [statistic]) if (estimates[key] !== undefined) return estimates[key];
  return undefined;
}

function readBenchmarkJson(options: ParseOptions): JsonObject | undefined {
  const text = options.companion?.benchmarkJson;
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
