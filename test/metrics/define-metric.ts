import type { Aggregation, MetricDefinition } from "../../src/descriptor/types.js";

/** A declared metric with the defaults a normalized descriptor would carry. */
export function defineMetric(
  name: string,
  pattern: string | undefined,
  aggregate: Aggregation = "last",
): MetricDefinition {
  const definition: MetricDefinition = {
    name,
    units: "",
    direction: "unknown",
    directionInferred: false,
    aggregate,
    thresholds: {},
  };
  if (pattern !== undefined) definition.pattern = pattern;
  return definition;
}
