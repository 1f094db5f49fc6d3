import type { Direction } from "../descriptor/types.js";
import { finiteNumber, type JsonObject, numbersIn, objectArray, parseJsonFile } from "./json-input.js";
import { harnessMetricName } from "./metric-name.js";
import type { HarnessMetric, HarnessResult, ParseOptions } from "./types.js";

/** pytest-benchmark statistics, all in seconds except ops (rounds per second). */
export const PYTEST_STATISTICS: Record<string, { unit: string; direction: Direction }> = {
  mean: { unit: "s", direction: "lower_is_better" },
  median: { unit: "s", direction: "lower_is_better" },
  min: { unit: "s", direction: "lower_is_better" },
  max: { unit: "s", direction: "lower_is_better" },
  ops: { unit: "ops/s", direction: "higher_is_better" },
};

/**
 * `pytest --benchmark-json` output: one metric per benchmark, its `stats.<statistic>` (mean by
 * default), with the per-round timings of `stats.data` as its series when the file has them.
 * Benchmarks sharing a `name` (same test in two modules) are named by their `fullname`.
 */
export function parsePytestBenchmark(text: string, options: ParseOptions): HarnessResult {
  const format = "pytest-benchmark";
  const benchmarks = objectArray(
    parseJsonFile(text, options.file, format),
    "benchmarks",
    options.file,
    format,
  );
  const statistic = options.statistic ?? "mean";
  const { unit, direction } = PYTEST_STATISTICS[statistic] ?? PYTEST_STATISTICS.mean!;
  const names = benchmarks.map((b) => String(b.name ?? b.fullname ?? ""));
  const notes: string[] = [];
  const metrics = benchmarks.map((benchmark, i): HarnessMetric => {
    const shared = names.filter((n) => n === names[i]).length > 1;
    const label = shared ? String(benchmark.fullname ?? names[i]) : names[i]!;
    const stats = (benchmark.stats ?? {}) as JsonObject;
    const { numbers, skipped } = numbersIn(stats.data);
    if (skipped > 0)
      notes.push(`${label}: ${skipped} entries of stats.data are not numbers and were left out`);
    const value = finiteNumber(stats[statistic]);
    const metric: HarnessMetric = {
      name: harnessMetricName(label),
      unit,
      direction,
      value: value ?? null,
      series: numbers,
    };
    if (value === undefined) {
      metric.problem = {
        kind: "missing",
        detail: `${label} has no stats.${statistic} (its stats: ${Object.keys(stats).join(", ") || "none"})`,
      };
    }
    return metric;
  });
  return { metrics, notes };
}
