import { mean, median, medianAbsoluteDeviation, sampleStandardDeviation } from "simple-statistics";
import type { SampleSummary } from "./types.js";

/** Summary statistics of a non-empty sample; `stddev` is the sample (n-1) deviation, 0 for one value. */
export function summarize(values: readonly number[]): SampleSummary {
  if (values.length === 0) throw new RangeError("summarize needs at least one value");
  const list = values as number[];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Values near the largest double overflow a plain sum: summarize them scaled down, then scale up.
  const scale = Math.max(Math.abs(min), Math.abs(max));
  const scaled = scale > 1e300 ? list.map((v) => v / scale) : list;
  const factor = scaled === list ? 1 : scale;
  return {
    n: values.length,
    mean: mean(scaled) * factor,
    median: median(list),
    stddev: values.length > 1 ? sampleStandardDeviation(scaled) * factor : 0,
    mad: medianAbsoluteDeviation(scaled) * factor,
    min,
    max,
  };
}

/** True when every statistic of a summary is a finite number (what receipts and baselines can hold). */
export function isFiniteSummary(summary: SampleSummary): boolean {
  return Object.values(summary).every((v) => Number.isFinite(v));
}
