import type { Segment } from "./field-path.js";
import type { Finding } from "./finding.js";
import { inferDirection } from "./infer-direction.js";
import type { Table } from "./raw-access.js";
import type { Aggregation, Direction, MetricDefinition, Thresholds } from "./types.js";

/** Metric definitions with Maat's defaults; warns for each metric whose direction is unknown. */
export function normalizeMetrics(
  raw: Array<[Table, number]>,
  base: Segment[],
  warnings: Finding[],
): MetricDefinition[] {
  return raw.map(([metric, i]) => {
    const name = String(metric.name);
    const units = String(metric.units);
    const written = metric.direction as Direction | undefined;
    const direction = written ?? inferDirection(name, units);
    if (direction === "unknown") {
      warnings.push({
        path: [...base, i, "name"],
        anchor: "value",
        message: `cannot tell whether higher or lower is better for metric "${name}" (units "${units}"); changes will be compared in both directions`,
        hint: `set direction = "higher_is_better" or direction = "lower_is_better" in this [[${base.join(".")}]] entry`,
      });
    }
    const definition: MetricDefinition = {
      name,
      units,
      direction,
      directionInferred: written === undefined,
      aggregate: (metric.aggregate as Aggregation | undefined) ?? "last",
      thresholds: normalizeThresholds(metric),
    };
    if (typeof metric.pattern === "string") definition.pattern = metric.pattern;
    return definition;
  });
}

export function normalizeThresholds(raw: Table | undefined): Thresholds {
  const thresholds: Thresholds = {};
  if (typeof raw?.sigma === "number") thresholds.sigma = raw.sigma;
  if (typeof raw?.min_effect === "number") thresholds.minEffect = raw.min_effect;
  return thresholds;
}
