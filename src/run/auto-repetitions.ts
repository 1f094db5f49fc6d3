import type { Descriptor } from "../descriptor/types.js";
import type { RepetitionResult } from "../results/receipt-types.js";
import { summarizeMetrics } from "./metric-summaries.js";
import type { EffectiveRunSettings } from "./run-settings.js";

/** Relative half-width of the confidence interval of the mean of `values`, and whether it meets the target. */
export type AutoRepetitionCheck = (
  values: number[],
  targetPrecision: number,
) => { reached: boolean; halfWidth: number };

/** Fewer repetitions than this never estimate a spread worth trusting. */
export const AUTO_MIN_REPETITIONS = 3;

/**
 * `repetitions = "auto"`: stop once every declared metric's confidence interval is narrower
 * than the target precision (relative half-width), or when the cap is reached.
 */
export function autoRepetitionsDone(
  descriptor: Descriptor,
  repetitions: RepetitionResult[],
  settings: EffectiveRunSettings,
  check: AutoRepetitionCheck | undefined,
): { done: boolean; reason: string } {
  const measured = repetitions.filter((r) => !r.warmup).length;
  if (measured < AUTO_MIN_REPETITIONS || check === undefined) return { done: false, reason: "" };
  const declared = [...descriptor.output.metrics, ...(descriptor.server?.output.metrics ?? [])];
  const summaries = summarizeMetrics(declared, repetitions);
  const widths: string[] = [];
  for (const metric of declared) {
    const values = summaries[metric.name]?.values ?? [];
    const { reached, halfWidth } = check(values, settings.targetPrecision);
    if (!reached) return { done: false, reason: "" };
    widths.push(`${metric.name} ±${(halfWidth * 100).toFixed(2)}%`);
  }
  return {
    done: true,
    reason: `precision target ${(settings.targetPrecision * 100).toFixed(2)}% reached after ${measured} repetitions (${widths.join(", ")})`,
  };
}
