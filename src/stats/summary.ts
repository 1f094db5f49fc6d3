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
  return {
    n: values.length,
    mean: mean(list),
    median: median(list),
    stddev: values.length > 1 ? sampleStandardDeviation(list) : 0,
    mad: medianAbsoluteDeviation(list),
    min,
    max,
  };
}
