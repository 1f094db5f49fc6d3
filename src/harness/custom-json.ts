import type { Direction } from "../descriptor/types.js";
import { HarnessFileError } from "./harness-error.js";
import { finiteNumber, isObject, mean, parseJsonFile } from "./json-input.js";
import { harnessMetricName } from "./metric-name.js";
import type { HarnessMetric, HarnessResult, ParseOptions } from "./types.js";

/**
 * github-action-benchmark's `customBiggerIsBetter` / `customSmallerIsBetter` JSON: an array
 * of `{ name, unit, value, range?, extra? }`, the direction given by the format. `range` and
 * `extra` are informative and not read. An entry whose value is not a number has no value,
 * with the problem; a name given twice collects both values (their mean is the value).
 */
export function parseCustomJson(text: string, options: ParseOptions, direction: Direction): HarnessResult {
  const format = direction === "higher_is_better" ? "custom-bigger-is-better" : "custom-smaller-is-better";
  const entries = parseJsonFile(text, options.file, format);
  if (!Array.isArray(entries)) {
    throw new HarnessFileError(
      options.file,
      format,
      "is not a JSON array of {name, unit, value} entries",
      "github-action-benchmark's custom formats are a JSON array at the top level",
    );
  }
  const byName = new Map<string, HarnessMetric>();
  const notes: string[] = [];
  entries.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.name !== "string") {
      notes.push(`entry ${i} has no "name" and was skipped`);
      return;
    }
    const name = harnessMetricName(entry.name);
    const metric = byName.get(name) ?? {
      name,
      unit: typeof entry.unit === "string" ? entry.unit : "",
      direction,
      value: null,
      series: [],
    };
    byName.set(name, metric);
    const value = finiteNumber(entry.value);
    if (value === undefined) {
      metric.problem ??= {
        kind: "non_numeric",
        detail: `"${entry.name}" has value ${JSON.stringify(entry.value)}`,
      };
      return;
    }
    metric.series.push(value);
  });
  for (const metric of byName.values()) {
    if (metric.series.length > 1)
      notes.push(`${metric.name} appears ${metric.series.length} times; their mean is kept`);
    if (metric.problem === undefined) metric.value = mean(metric.series);
  }
  return { metrics: [...byName.values()], notes };
}
