import { inferDirection } from "../descriptor/infer-direction.js";
import { finiteNumber, type JsonObject, mean, objectArray, parseJsonFile } from "./json-input.js";
import { harnessMetricName } from "./metric-name.js";
import type { HarnessMetric, HarnessResult, ParseOptions } from "./types.js";

export const GOOGLE_BENCHMARK_STATISTICS = ["real_time", "cpu_time"] as const;

/** Fields of a run that are not user counters. */
const KNOWN_FIELDS = new Set([
  "name",
  "family_index",
  "per_family_instance_index",
  "run_name",
  "run_type",
  "repetitions",
  "repetition_index",
  "threads",
  "iterations",
  "real_time",
  "cpu_time",
  "time_unit",
  "bytes_per_second",
  "items_per_second",
  "label",
  "error_occurred",
  "error_message",
  "skipped",
  "skip_message",
  "aggregate_name",
  "aggregate_unit",
  "big_o",
  "rms",
]);

const AGGREGATE_SUFFIX = /_(mean|median|stddev|cv)$/;

/**
 * `--benchmark_out_format=json` output. Runs are grouped by `run_name` (the name without an
 * aggregate suffix); each group gives a time metric (`real_time` by default, in the run's
 * `time_unit`) whose value is the mean of its iteration runs, plus `bytes_per_second`,
 * `items_per_second` and user counters. When a file holds only aggregates
 * (`--benchmark_report_aggregates_only`), the `mean` aggregate is used. A run that reported an
 * error (or was skipped) leaves its metric without a value, with the error as the problem.
 */
export function parseGoogleBenchmark(text: string, options: ParseOptions): HarnessResult {
  const format = "google-benchmark";
  const runs = objectArray(parseJsonFile(text, options.file, format), "benchmarks", options.file, format);
  const statistic = options.statistic ?? "real_time";
  const groups = new Map<string, { iterations: JsonObject[]; means: JsonObject[] }>();
  for (const run of runs) {
    const name = String(run.name ?? "");
    const aggregate =
      run.run_type === "aggregate" || (run.run_type === undefined && isOldAggregate(name, runs));
    const key = String(run.run_name ?? (aggregate ? name.replace(AGGREGATE_SUFFIX, "") : name));
    const group = groups.get(key) ?? { iterations: [], means: [] };
    groups.set(key, group);
    if (!aggregate) group.iterations.push(run);
    else if ((run.aggregate_name ?? AGGREGATE_SUFFIX.exec(name)?.[1]) === "mean") group.means.push(run);
  }
  const metrics: HarnessMetric[] = [];
  const notes: string[] = [];
  for (const [key, group] of groups) {
    const chosen = group.iterations.length > 0 ? group.iterations : group.means;
    if (chosen.length === 0) continue;
    if (group.iterations.length === 0)
      notes.push(`${key}: only aggregates in the file; the mean aggregate is used`);
    metrics.push(...metricsOfGroup(key, chosen, statistic));
  }
  return { metrics, notes };
}

function metricsOfGroup(key: string, runs: JsonObject[], statistic: string): HarnessMetric[] {
  const failed = runs.find(
    (r) => r.error_occurred === true || (r.skipped !== undefined && r.skipped !== false),
  );
  const unit = String(runs[0]!.time_unit ?? "ns");
  const time = collect(runs, statistic);
  const primary: HarnessMetric = {
    name: harnessMetricName(key),
    unit,
    direction: "lower_is_better",
    value: time.length > 0 ? mean(time) : null,
    series: time,
  };
  if (failed !== undefined) {
    const message = String(failed.error_message ?? failed.skip_message ?? "the benchmark was skipped");
    return [{ ...primary, value: null, problem: { kind: "missing", detail: `${key}: ${message}` } }];
  }
  if (time.length === 0) primary.problem = { kind: "missing", detail: `${key} has no ${statistic}` };
  const metrics = [primary];
  const extra = (field: string, unit: string, direction: HarnessMetric["direction"]) => {
    const values = collect(runs, field);
    if (values.length === 0) return;
    metrics.push({
      name: harnessMetricName(key, field),
      unit,
      direction,
      value: mean(values),
      series: values,
    });
  };
  extra("bytes_per_second", "B/s", "higher_is_better");
  extra("items_per_second", "items/s", "higher_is_better");
  const counters = Object.keys(runs[0]!).filter(
    (k) => !KNOWN_FIELDS.has(k) && finiteNumber(runs[0]![k]) !== undefined,
  );
  for (const counter of counters.sort()) extra(counter, "", inferDirection(counter, ""));
  return metrics;
}

function collect(runs: JsonObject[], field: string): number[] {
  return runs.map((r) => finiteNumber(r[field])).filter((v): v is number => v !== undefined);
}

/** Files from before `run_type` name aggregates `<name>_mean`; only when `<name>` is also a run. */
function isOldAggregate(name: string, runs: JsonObject[]): boolean {
  const base = name.replace(AGGREGATE_SUFFIX, "");
  return base !== name && runs.some((r) => r.name === base);
}
