import { median } from "simple-statistics";
import { MAD_TO_SIGMA } from "../robust.js";
import { pointValues } from "./series.js";
import type { Series } from "./types.js";

export interface Outlier {
  index: number;
  value: number;
  /** Distance from the median of its neighbours, in robust sigmas of point-to-point noise. */
  sigmas: number;
}

/**
 * Points far from the median of their `window` neighbours on each side: one-off spikes that
 * revert. Noise is measured on first differences (MAD / √2), which a level step barely moves.
 */
export function findOutliers(series: Series, options: { limit?: number; window?: number } = {}): Outlier[] {
  const limit = options.limit ?? 5;
  const window = options.window ?? 5;
  const values = pointValues(series);
  if (values.length < 3) return [];
  const differences = values.slice(1).map((v, i) => v - values[i]!);
  const center = median(differences);
  const noise = (MAD_TO_SIGMA * median(differences.map((d) => Math.abs(d - center)))) / Math.SQRT2;
  if (noise === 0) return [];
  const outliers: Outlier[] = [];
  for (let i = 0; i < values.length; i++) {
    const neighbours = [...values.slice(Math.max(0, i - window), i), ...values.slice(i + 1, i + 1 + window)];
    const sigmas = (values[i]! - median(neighbours)) / noise;
    if (Math.abs(sigmas) > limit) outliers.push({ index: i, value: values[i]!, sigmas });
  }
  return outliers;
}
