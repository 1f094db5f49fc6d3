import { fastMedian } from "../fast-median.js";
import type { Series } from "./types.js";

/** One point per run: the median of its repetitions, so one wild repetition does not move the point. */
export function pointValues(series: Series): number[] {
  return series.map((point) => {
    if (typeof point === "number") return point;
    if (point.length === 0) throw new RangeError("a point of a series needs at least one repetition");
    return fastMedian(point);
  });
}

/** Every point's repetitions as an array (a single value becomes a one-element array). */
export function pointRepetitions(series: Series): number[][] {
  return series.map((point) => (typeof point === "number" ? [point] : [...point]));
}
