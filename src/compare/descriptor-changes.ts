import { canonicalJson } from "../descriptor/content-hash.js";
import type { Descriptor, MetricDefinition } from "../descriptor/types.js";
import { sha256Hex } from "../sha256.js";

/** What a metric means: a value in another unit, direction or aggregate is another quantity. */
export interface MetricMeaning {
  unit: string;
  direction: string;
  aggregate?: string;
}

/** One field of the descriptor that differs from what the baseline recorded. */
export interface DescriptorChange {
  /** "ml.args", "output.metrics.throughput.direction", ... */
  field: string;
  before?: string;
  after?: string;
}

/**
 * The fields of a descriptor that decide what its numbers mean, flattened to short strings (long
 * values as a hash), as a baseline records them: what ran, on what, with which data, and each
 * metric's unit, direction, aggregate and pattern.
 */
export function descriptorFields(descriptor: Descriptor): Record<string, string> {
  const fields: Record<string, unknown> = {
    "ml.benchmark_code": descriptor.ml.benchmarkCode,
    "ml.args": descriptor.ml.args,
    "ml.framework": descriptor.ml.framework,
    "ml.framework_version": descriptor.ml.frameworkVersion,
    "hardware.instance_type": descriptor.hardware.instanceType,
    "hardware.strategy": descriptor.hardware.strategy,
    "hardware.distributed": descriptor.hardware.distributed,
    "env.docker_image": descriptor.env.dockerImage,
    "env.vars": descriptor.env.vars,
    "data.sources": descriptor.data.sources,
    custom_params: descriptor.customParams,
    server: descriptor.server,
  };
  for (const metric of [...descriptor.output.metrics, ...(descriptor.server?.output.metrics ?? [])]) {
    const at = `output.metrics.${metric.name}`;
    fields[`${at}.units`] = metric.units;
    fields[`${at}.direction`] = metric.direction;
    fields[`${at}.aggregate`] = metric.aggregate;
    fields[`${at}.pattern`] = metric.pattern;
  }
  const flat: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (
      value === undefined ||
      (typeof value === "object" && value !== null && Object.keys(value).length === 0)
    )
      continue;
    flat[field] = shortValue(value);
  }
  return flat;
}

/** The meaning of each declared metric, as a baseline records it. */
export function metricMeaning(
  definition: Pick<MetricDefinition, "units" | "direction" | "aggregate">,
): MetricMeaning {
  return { unit: definition.units, direction: definition.direction, aggregate: definition.aggregate };
}

/** Differences between the recorded meaning of a metric and the candidate's; [] when the same. */
export function meaningChanges(recorded: MetricMeaning, now: MetricMeaning): DescriptorChange[] {
  const changes: DescriptorChange[] = [];
  if (recorded.unit !== now.unit) changes.push({ field: "units", before: recorded.unit, after: now.unit });
  if (
    recorded.direction !== now.direction &&
    now.direction !== "unknown" &&
    recorded.direction !== "unknown"
  ) {
    changes.push({ field: "direction", before: recorded.direction, after: now.direction });
  }
  if (
    recorded.aggregate !== undefined &&
    now.aggregate !== undefined &&
    recorded.aggregate !== now.aggregate
  ) {
    changes.push({ field: "aggregate", before: recorded.aggregate, after: now.aggregate });
  }
  return changes;
}

/** Fields whose value differs between the recorded and the current snapshot, sorted by field. */
export function diffDescriptorFields(
  recorded: Record<string, string>,
  now: Record<string, string>,
): DescriptorChange[] {
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(now)])].sort();
  return names
    .filter((name) => recorded[name] !== now[name])
    .map((field) => ({
      field,
      ...(recorded[field] === undefined ? {} : { before: recorded[field] }),
      ...(now[field] === undefined ? {} : { after: now[field] }),
    }));
}

/** "descriptor changed since the baseline: ml.args ("--epochs 1" → "--epochs 2"), ..." */
export function describeDescriptorChanges(changes: readonly DescriptorChange[]): string {
  const parts = changes.map((c) => {
    const before = c.before === undefined ? "unset" : JSON.stringify(c.before);
    const after = c.after === undefined ? "unset" : JSON.stringify(c.after);
    return `${c.field} (${before} → ${after})`;
  });
  return `descriptor changed since the baseline: ${parts.join(", ")}`;
}

function shortValue(value: unknown): string {
  const text = typeof value === "string" ? value : canonicalJson(value);
  if (text.length <= 80) return text;
  return `sha256:${sha256Hex(text).slice(0, 12)}`;
}
