import { mean, median, sampleStandardDeviation } from "simple-statistics";
import type { Direction, MetricDefinition } from "../descriptor/types.js";
import type { MetricSummary, RepetitionResult } from "../results/receipt-types.js";

/**
 * Per-metric summaries over the measured repetitions. A repetition without a usable value
 * is listed under `problems`, never counted as zero. Metrics emitted (or read from result
 * files) but not declared are summarized too, with the unit and direction they came with.
 */
export function summarizeMetrics(
  declared: MetricDefinition[],
  repetitions: RepetitionResult[],
  undeclared: ReadonlyMap<string, { unit: string; direction?: Direction }> = new Map(),
): Record<string, MetricSummary> {
  const measured = repetitions.filter((r) => !r.warmup);
  const names = new Set(declared.map((m) => m.name));
  for (const repetition of measured) for (const name of Object.keys(repetition.metrics)) names.add(name);

  const summaries: Record<string, MetricSummary> = {};
  for (const name of [...names].sort()) {
    const definition = declared.find((m) => m.name === name);
    const values: number[] = [];
    const problems: MetricSummary["problems"] = [];
    for (const repetition of measured) {
      const observation = repetition.metrics[name];
      if (observation?.value !== null && observation?.value !== undefined) {
        values.push(observation.value);
      } else if (repetition.status === "succeeded" || observation !== undefined) {
        const problem = {
          repetition: repetition.index,
          problem: observation?.problem ?? ("missing" as const),
        };
        problems.push(
          observation?.problemDetail ? { ...problem, detail: observation.problemDetail } : problem,
        );
      }
    }
    summaries[name] = {
      name,
      unit: definition?.units ?? undeclared.get(name)?.unit ?? "",
      direction: definition?.direction ?? undeclared.get(name)?.direction ?? "unknown",
      values,
      n: values.length,
      mean: values.length > 0 ? mean(values) : null,
      median: values.length > 0 ? median(values) : null,
      stddev: values.length > 1 ? sampleStandardDeviation(values) : null,
      min: values.length > 0 ? Math.min(...values) : null,
      max: values.length > 0 ? Math.max(...values) : null,
      problems,
    };
  }
  return summaries;
}

/** Declared metrics that produced no value in any measured repetition: the run did not deliver them. */
export function undeliveredMetrics(
  declared: MetricDefinition[],
  summaries: Record<string, MetricSummary>,
): string[] {
  return declared.filter((m) => (summaries[m.name]?.n ?? 0) === 0).map((m) => m.name);
}
