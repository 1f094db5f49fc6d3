import type { MetricComparison } from "./types.js";

/** "-4.1% (95% CI -5.3% to -2.9%)"; "n/a" when the comparison has no relative change. */
export function formatRelativeChange(
  comparison: Pick<MetricComparison, "relativeChange" | "relativeChangeCi">,
  confidence = 0.95,
): string {
  if (comparison.relativeChange === undefined) return "n/a";
  const change = formatPercent(comparison.relativeChange);
  if (comparison.relativeChangeCi === undefined) return change;
  const [low, high] = comparison.relativeChangeCi;
  return `${change} (${Math.round(confidence * 100)}% CI ${formatPercent(low)} to ${formatPercent(high)})`;
}

/** Signed percentage with one decimal: "+8.0%", "-0.3%". */
export function formatPercent(ratio: number): string {
  const text = (ratio * 100).toFixed(1);
  const value = text === "-0.0" ? "0.0" : text;
  return `${ratio > 0 && value !== "0.0" ? "+" : ""}${value}%`;
}
