import type { MetricComparison } from "./types.js";

/** True when at least one metric is near its threshold and confirmation repetitions would settle it. */
export function needsConfirmation(comparisons: readonly MetricComparison[]): boolean {
  return comparisons.some((c) => c.suspicious === true);
}

/** The metrics worth confirming with more repetitions. */
export function comparisonsToConfirm(comparisons: readonly MetricComparison[]): MetricComparison[] {
  return comparisons.filter((c) => c.suspicious === true);
}
