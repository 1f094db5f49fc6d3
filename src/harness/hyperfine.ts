import { finiteNumber, mean, numbersIn, objectArray, parseJsonFile } from "./json-input.js";
import { harnessMetricName } from "./metric-name.js";
import type { HarnessMetric, HarnessResult, ParseOptions } from "./types.js";

export const HYPERFINE_STATISTICS = ["mean", "median", "min", "max"] as const;

/**
 * `hyperfine --export-json` output: one metric per command (named by `--command-name` or the
 * command line), its `<statistic>` in seconds (mean by default) with every run's time as the
 * series, plus its peak memory in bytes when hyperfine measured it. Runs that exited with a
 * non-zero code (kept by `--ignore-failure`) are noted.
 */
export function parseHyperfine(text: string, options: ParseOptions): HarnessResult {
  const format = "hyperfine";
  const results = objectArray(parseJsonFile(text, options.file, format), "results", options.file, format);
  const statistic = options.statistic ?? "mean";
  const metrics: HarnessMetric[] = [];
  const notes: string[] = [];
  for (const result of results) {
    const command = String(result.command ?? "");
    const times = numbersIn(result.times).numbers;
    const value = finiteNumber(result[statistic]);
    const metric: HarnessMetric = {
      name: harnessMetricName(command),
      unit: "s",
      direction: "lower_is_better",
      value: value ?? null,
      series: times,
    };
    if (value === undefined) metric.problem = { kind: "missing", detail: `"${command}" has no ${statistic}` };
    metrics.push(metric);
    const failures = numbersIn(result.exit_codes).numbers.filter((code) => code !== 0);
    if (failures.length > 0) {
      notes.push(
        `"${command}": ${failures.length} of ${times.length} runs exited with a non-zero code (${[...new Set(failures)].join(", ")}), kept because hyperfine ignored failures`,
      );
    }
    const memory = numbersIn(result.memory_usage_byte).numbers;
    if (memory.length > 0) {
      metrics.push({
        name: harnessMetricName(command, "memory"),
        unit: "B",
        direction: "lower_is_better",
        value: mean(memory),
        series: memory,
      });
    }
  }
  return { metrics, notes };
}
