import type { Aggregation } from "../descriptor/types.js";
import type { MetricObservation, MetricProblem } from "../results/receipt-types.js";
import type { ClassifiedValue } from "./classify-value.js";

export const DEFAULT_SERIES_LIMIT = 10_000;

type Source = "pattern" | "emit";

/**
 * Everything one metric saw in one repetition, kept in constant memory: running sum, min,
 * max, first and last are exact over all values; the series (and so the median) covers the
 * first `seriesLimit` values only.
 */
export class MetricAccumulator {
  private readonly series: number[] = [];
  private count = 0;
  private numericCount = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private first: number | undefined;
  private last: number | undefined;
  private fromPattern = false;
  private fromEmit = false;
  private problem: MetricProblem | undefined;
  private problemDetail: string | undefined;
  private problemCount = 0;

  constructor(private readonly seriesLimit: number = DEFAULT_SERIES_LIMIT) {}

  add(classified: ClassifiedValue, source: Source): void {
    if (!("problem" in classified) && !Number.isFinite(classified.value)) {
      this.add({ problem: "infinite", detail: String(classified.value) }, source);
      return;
    }
    if (!("problem" in classified)) {
      this.addNumber(classified.value, source);
      return;
    }
    this.count++;
    if (source === "pattern") this.fromPattern = true;
    else this.fromEmit = true;
    this.problemCount++;
    if (this.problem === undefined) {
      this.problem = classified.problem;
      this.problemDetail = `${classified.detail} (value ${this.count})`;
    }
  }

  /** The hot path: a value already known to be a finite number. */
  addNumber(value: number, source: Source): void {
    this.count++;
    if (source === "pattern") this.fromPattern = true;
    else this.fromEmit = true;
    this.numericCount++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.first === undefined) this.first = value;
    this.last = value;
    if (this.series.length < this.seriesLimit) this.series.push(value);
  }

  get seen(): number {
    return this.count;
  }

  /**
   * The repetition's observation. Any bad value (NaN, infinity, text) makes the whole metric a
   * problem with value null, whatever the aggregation: a run that printed `loss=nan` once is
   * not silently summarized by its other values.
   */
  observe(aggregate: Aggregation): MetricObservation {
    const sources: Source[] = [];
    if (this.fromPattern) sources.push("pattern");
    if (this.fromEmit) sources.push("emit");
    const observation: MetricObservation = {
      value: null,
      series: this.series.slice(),
      count: this.count,
      seriesTruncated: this.numericCount > this.series.length,
      sources,
    };
    if (this.count === 0) return { ...observation, problem: "missing" };
    if (this.problem !== undefined) {
      const others = this.problemCount > 1 ? `; ${this.problemCount} bad values in all` : "";
      return { ...observation, problem: this.problem, problemDetail: `${this.problemDetail}${others}` };
    }
    const value = this.aggregateValue(aggregate);
    if (!Number.isFinite(value)) {
      // A sum (or mean) of finite values can still overflow a double.
      const detail = `the ${aggregate} of the ${this.numericCount} values is ${value}, beyond the largest number`;
      return { ...observation, problem: "infinite", problemDetail: detail };
    }
    return { ...observation, value };
  }

  private scaledMean(): number {
    const scale = Math.max(Math.abs(this.min), Math.abs(this.max));
    let total = 0;
    for (const v of this.series) total += v / scale;
    return this.series.length === this.numericCount ? (total / this.numericCount) * scale : Number.NaN;
  }

  private aggregateValue(aggregate: Aggregation): number {
    switch (aggregate) {
      case "last":
        return this.last as number;
      case "first":
        return this.first as number;
      case "mean":
        // Summed as mean of halves when the plain sum overflows (1e308 twice).
        return Number.isFinite(this.sum) ? this.sum / this.numericCount : this.scaledMean();
      case "sum":
        return this.sum;
      case "min":
        return this.min;
      case "max":
        return this.max;
      case "median":
        return medianOf(this.series);
    }
  }
}

/** Median of the (possibly capped) series; documented as covering the first values only. */
function medianOf(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
