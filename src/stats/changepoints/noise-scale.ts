import { medianDeviationOfSorted, medianOfSorted } from "../fast-median.js";
import { MAD_TO_SIGMA } from "../robust.js";

/** The noise of a series, robustly: its point-to-point scale and the scale of averages over time. */
export interface NoiseScale {
  /** Marginal sd of the noise (MAD of residuals from the current fit). */
  sigma: number;
  /** Lag-1 autocorrelation, from how much smaller successive differences are than the marginal spread. */
  rho: number;
  /**
   * Long-run sd: what governs the error of a segment mean when neighbouring runs correlate
   * (a machine warm or busy for a while). sigma · √((1 + rho) / (1 - rho)).
   */
  longRun: number;
}

/** Successive-difference scale: spread(diff) / √2, unmoved by level shifts and slow trends. */
export function differenceScale(values: readonly number[]): number {
  if (values.length < 3) return 0;
  const differences: number[] = [];
  for (let i = 1; i < values.length; i++) differences.push(values[i]! - values[i - 1]!);
  return spread(differences) / Math.SQRT2;
}

/** sd of a normal sample with its 2.5% tails on each side cut off, relative to σ. */
const TRIMMED_SD_OF_NORMAL = 0.871;

/**
 * A spread that neither spikes nor clustered values fool: the larger of the MAD sigma (robust to
 * spikes) and the 5%-trimmed sd (rescaled to σ). Quantized or two-level noise (33.3, 33.4,
 * 35.7, 30.8, ...) has a tiny MAD but a real spread that the trimmed sd sees.
 */
export function spread(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  // One numeric sort gives the median, the MAD and the trimmed values in order: detection takes
  // this spread seven times per history, the gate replay at every step of one.
  const sorted = Float64Array.from(values).sort();
  const center = medianOfSorted(sorted);
  const mad = MAD_TO_SIGMA * medianDeviationOfSorted(sorted, center);
  const cut = Math.floor(0.025 * n);
  const end = n - cut;
  const kept = end - cut;
  let mean = 0;
  for (let i = cut; i < end; i++) mean += sorted[i]!;
  mean /= kept;
  let squares = 0;
  for (let i = cut; i < end; i++) squares += (sorted[i]! - mean) ** 2;
  const trimmed = kept > 1 ? Math.sqrt(squares / (kept - 1)) / TRIMMED_SD_OF_NORMAL : 0;
  return Math.max(mad, trimmed);
}

/**
 * Noise from residuals around a fit: marginal sigma from their spread, and rho from
 * Var(diff) = 2σ²(1 - rho). Clamped to [0, 0.9]: a negative correlation only makes averages
 * better than independent, and beyond 0.9 a series is a random walk, not noise around levels.
 */
export function noiseScale(residuals: readonly number[]): NoiseScale {
  const sigma = spread(residuals);
  const diff = differenceScale(residuals);
  if (!(sigma > 0)) return { sigma: diff, rho: 0, longRun: diff };
  const rho = Math.min(0.9, Math.max(0, 1 - (diff * diff) / (sigma * sigma)));
  return { sigma, rho, longRun: sigma * Math.sqrt((1 + rho) / (1 - rho)) };
}
