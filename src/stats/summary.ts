import { fastMedian } from "./fast-median.js";
import type { SampleSummary } from "./types.js";

/** Deviations from the median, for the MAD: one reusable buffer (summaries run by the hundred thousand). */
let deviations = new Float64Array(64);

/**
 * Summary statistics of a non-empty sample; `stddev` is the sample (n-1) deviation, 0 for one
 * value. One pass for the range and sum, one for the squares, medians in reused buffers, no
 * allocation: a comparison summarizes its baselines' runs by the hundred thousand.
 */
export function summarize(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) throw new RangeError("summarize needs at least one value");
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  // Values near the largest double overflow a plain sum: summarize them scaled down, then scale up.
  const scale = Math.max(Math.abs(min), Math.abs(max));
  const factor = scale > 1e300 ? scale : 1;
  if (factor !== 1) {
    sum = 0;
    for (let i = 0; i < n; i++) sum += values[i]! / factor;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! / factor - mean) ** 2;
  const median = fastMedian(values);
  if (deviations.length < n) deviations = new Float64Array(Math.max(n, deviations.length * 2));
  for (let i = 0; i < n; i++) deviations[i] = Math.abs(values[i]! / factor - median / factor);
  const mad = fastMedian(deviations, 0, n);
  return {
    n,
    mean: mean * factor,
    median,
    stddev: n > 1 ? Math.sqrt(squares / (n - 1)) * factor : 0,
    mad: mad * factor,
    min,
    max,
  };
}

/** True when every statistic of a summary is a finite number (what receipts and baselines can hold). */
export function isFiniteSummary(summary: SampleSummary): boolean {
  return Object.values(summary).every((v) => Number.isFinite(v));
}
