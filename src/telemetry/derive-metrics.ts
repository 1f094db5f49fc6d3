import type { Direction, EfficiencyMetric, MetricDefinition } from "../descriptor/types.js";
import type { MetricObservation } from "../results/receipt-types.js";
import type { RepetitionTelemetry } from "./telemetry-types.js";

/** The metrics telemetry adds to a repetition, compared like any other metric. */
export const TELEMETRY_METRICS = {
  "gpu.utilization.mean": { units: "%", direction: "higher_is_better" },
  "gpu.utilization.peak": { units: "%", direction: "higher_is_better" },
  "gpu.memory.peak": { units: "MiB", direction: "lower_is_better" },
  "gpu.energy": { units: "J", direction: "lower_is_better" },
  "cpu.time": { units: "s", direction: "lower_is_better" },
  "memory.rss.peak": { units: "MiB", direction: "lower_is_better" },
} as const satisfies Record<string, { units: string; direction: Direction }>;

type TelemetryMetric = keyof typeof TELEMETRY_METRICS;

const observe = (value: number | null, detail?: string): MetricObservation =>
  value === null || !Number.isFinite(value)
    ? {
        value: null,
        series: [],
        count: 0,
        seriesTruncated: false,
        sources: ["telemetry"],
        problem: "missing",
        ...(detail === undefined ? {} : { problemDetail: detail }),
      }
    : { value, series: [value], count: 1, seriesTruncated: false, sources: ["telemetry"] };

/**
 * A repetition's telemetry as metric observations: GPU figures over all GPUs (mean of their
 * mean utilization, highest peak, highest per-GPU memory peak, total energy), the process
 * tree's CPU time and peak resident memory. Only what was measured appears.
 */
export function telemetryObservations(telemetry: RepetitionTelemetry): Record<string, MetricObservation> {
  const out: Partial<Record<TelemetryMetric, MetricObservation>> = {};
  const summaries = telemetry.gpus.map((g) => g.summary);
  const values = <T>(pick: (s: (typeof summaries)[number]) => T | null) =>
    summaries.map(pick).filter((v): v is T => v !== null);
  if (summaries.length > 0) {
    const means = values((s) => s.utilizationMean);
    const peaks = values((s) => s.utilizationPeak);
    const memory = values((s) => s.memoryUsedPeakMiB);
    const energy = values((s) => s.energyJ);
    if (means.length > 0)
      out["gpu.utilization.mean"] = observe(round(means.reduce((a, b) => a + b, 0) / means.length));
    if (peaks.length > 0) out["gpu.utilization.peak"] = observe(Math.max(...peaks));
    if (memory.length > 0) out["gpu.memory.peak"] = observe(Math.max(...memory));
    if (energy.length > 0) out["gpu.energy"] = observe(round(energy.reduce((a, b) => a + b, 0)));
  }
  const process = telemetry.process;
  if (process?.cpuSeconds != null) out["cpu.time"] = observe(process.cpuSeconds);
  if (process?.peakRssBytes != null)
    out["memory.rss.peak"] = observe(round(process.peakRssBytes / 1024 / 1024));
  return out;
}

/**
 * Efficiency metrics a descriptor asks for: a rate (units ending in "/s") divided by the mean
 * GPU power gives units per joule; any other value divided by the energy does too.
 *
 * @example images/s 1200 at 400 W mean -> images_per_joule 3
 */
export function efficiencyObservations(
  wanted: readonly EfficiencyMetric[],
  metrics: Readonly<Record<string, MetricObservation>>,
  units: ReadonlyMap<string, string>,
  telemetry: RepetitionTelemetry | undefined,
): Record<string, MetricObservation> {
  const energies = (telemetry?.gpus ?? [])
    .map((g) => g.summary.energyJ)
    .filter((e): e is number => e !== null);
  const energy = energies.length > 0 ? energies.reduce((a, b) => a + b, 0) : null;
  const seconds = (telemetry?.durationMs ?? 0) / 1000;
  const out: Record<string, MetricObservation> = {};
  for (const { name, metric } of wanted) {
    const value = metrics[metric]?.value ?? null;
    if (value === null) out[name] = observe(null, `${metric} has no value`);
    else if (energy === null || energy <= 0 || seconds <= 0)
      out[name] = observe(null, "no GPU power readings");
    else out[name] = observe(isRate(units.get(metric)) ? value / (energy / seconds) : value / energy);
  }
  return out;
}

/** Definitions (unit, direction) of the telemetry and efficiency metrics, for summaries and comparisons. */
export function telemetryDefinitions(
  efficiency: readonly EfficiencyMetric[],
  declared: readonly MetricDefinition[],
): MetricDefinition[] {
  const base = { directionInferred: false, aggregate: "last" as const, thresholds: {} };
  const fixed = Object.entries(TELEMETRY_METRICS).map(([name, m]) => ({ name, ...m, ...base }));
  const derived = efficiency.map(({ name, metric }) => {
    const units = declared.find((d) => d.name === metric)?.units ?? "";
    const per = isRate(units) ? units.replace(/\s*\/\s*s$/, "") : units || "1";
    return { name, units: `${per}/J`, direction: "higher_is_better" as const, ...base };
  });
  return [...fixed, ...derived];
}

function isRate(units: string | undefined): boolean {
  return units !== undefined && /\/\s*s(ec)?$/.test(units.trim());
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
