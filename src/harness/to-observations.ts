import type { Direction, MetricDefinition } from "../descriptor/types.js";
import { DEFAULT_SERIES_LIMIT } from "../metrics/metric-accumulator.js";
import type { MetricObservation } from "../results/receipt-types.js";
import type { ResultFileReading } from "./read-result-files.js";
import type { HarnessMetric } from "./types.js";

export interface FileObservations {
  metrics: Record<string, MetricObservation>;
  /** Metrics no `[[output.metrics]]` entry declares: unit and direction as the file gives them. */
  undeclared: Record<string, { unit: string; direction: Direction }>;
  notes: string[];
}

/**
 * One repetition's observations from its result files. A declared metric of the same name
 * lends its units, direction and thresholds (a mismatch of units is noted); the file's value
 * is used as read. The first file wins when two give the same name.
 */
export function fileObservations(
  readings: readonly ResultFileReading[],
  declared: readonly MetricDefinition[],
) {
  const out: FileObservations = { metrics: {}, undeclared: {}, notes: [] };
  for (const { entry, file, result } of readings) {
    for (const note of result.notes) out.notes.push(`${entry.path}: ${note}`);
    for (const metric of result.metrics) {
      const name = `${entry.prefix ?? ""}${metric.name}`;
      if (name in out.metrics) {
        out.notes.push(
          `metric ${name} is in more than one result file; the value from the first is kept (not ${file})`,
        );
        continue;
      }
      out.metrics[name] = observe(metric);
      const definition = declared.find((d) => d.name === name);
      if (definition === undefined) out.undeclared[name] = { unit: metric.unit, direction: metric.direction };
      else if (definition.units !== metric.unit && metric.unit !== "") {
        out.notes.push(
          `metric ${name} is declared in "${definition.units}" but ${entry.format} reports it in "${metric.unit}"; the value is recorded as read`,
        );
      }
    }
  }
  return out;
}

function observe(metric: HarnessMetric): MetricObservation {
  const series = metric.series.slice(0, DEFAULT_SERIES_LIMIT);
  const observation: MetricObservation = {
    value: metric.problem === undefined ? metric.value : null,
    series,
    count: Math.max(metric.series.length, metric.value === null ? 0 : 1),
    seriesTruncated: metric.series.length > series.length,
    sources: ["file"],
  };
  if (metric.problem !== undefined || metric.value === null) {
    observation.problem = metric.problem?.kind ?? "missing";
    observation.problemDetail = metric.problem?.detail ?? `${metric.name} has no value`;
  }
  return observation;
}
