import type { Direction, MetricDefinition } from "../descriptor/types.js";
import type { MetricSummary, RepetitionResult } from "../results/receipt-types.js";
import { isFiniteSummary, summarize } from "../stats/summary.js";

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
    const stats = values.length > 0 ? summarize(values) : undefined;
    // A spread that overflows (values near +-1.8e308) has no number: the metric cannot be weighed.
    if (stats !== undefined && !isFiniteSummary(stats)) {
      problems.push({
        repetition: measured.at(-1)?.index ?? 1,
        problem: "infinite",
        detail: "the spread of the values is beyond the largest number",
      });
    }
    const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
    summaries[name] = {
      name,
      unit: definition?.units ?? undeclared.get(name)?.unit ?? "",
      direction: definition?.direction ?? undeclared.get(name)?.direction ?? "unknown",
      values,
      n: values.length,
      mean: finite(stats?.mean),
      median: finite(stats?.median),
      stddev: values.length > 1 ? finite(stats?.stddev) : null,
      min: finite(stats?.min),
      max: finite(stats?.max),
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
