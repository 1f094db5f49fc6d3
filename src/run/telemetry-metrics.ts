import type { Descriptor, MetricDefinition } from "../descriptor/types.js";
import type { MetricObservation, RepetitionResult } from "../results/receipt-types.js";
import type { RepetitionOutcome } from "../runners/runner.js";
import {
  efficiencyObservations,
  telemetryDefinitions,
  telemetryObservations,
} from "../telemetry/derive-metrics.js";

/**
 * A repetition's metrics with those derived from its telemetry (GPU utilization, memory,
 * energy, CPU time, peak memory, efficiency). A metric the benchmark reports itself under the
 * same name wins.
 */
export function metricsWithTelemetry(
  descriptor: Descriptor,
  outcome: Pick<RepetitionOutcome, "metrics" | "telemetry">,
): Record<string, MetricObservation> {
  const efficiency = descriptor.output.efficiency ?? [];
  if (outcome.telemetry === undefined && efficiency.length === 0) return outcome.metrics;
  const units = new Map(declaredMetrics(descriptor).map((m) => [m.name, m.units]));
  return {
    ...(outcome.telemetry === undefined ? {} : telemetryObservations(outcome.telemetry)),
    ...efficiencyObservations(efficiency, outcome.metrics, units, outcome.telemetry),
    ...outcome.metrics,
  };
}

/**
 * Definitions of the telemetry metrics some measured repetition has (so a machine without
 * GPUs does not report GPU metrics as missing), for per-metric summaries.
 */
export function telemetryMetricDefinitions(
  descriptor: Descriptor,
  repetitions: readonly RepetitionResult[],
): MetricDefinition[] {
  const declared = declaredMetrics(descriptor);
  const seen = new Set(repetitions.filter((r) => !r.warmup).flatMap((r) => Object.keys(r.metrics)));
  const names = new Set(declared.map((m) => m.name));
  return telemetryDefinitions(descriptor.output.efficiency ?? [], declared).filter(
    (d) => seen.has(d.name) && !names.has(d.name),
  );
}

export function declaredMetrics(descriptor: Descriptor): MetricDefinition[] {
  return [...descriptor.output.metrics, ...(descriptor.server?.output.metrics ?? [])];
}
