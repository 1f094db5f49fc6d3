import type { HardwareKey } from "../baselines/types.js";
import type { RunStatus } from "../results/receipt-types.js";
import type { MetricComparison } from "../stats/types.js";

/** One receipt weighed against its baseline. */
export interface BenchmarkComparison {
  benchmarkId: string;
  resultId: string;
  status: RunStatus;
  /** Why the run did not succeed; absent when it did. */
  statusReason?: string;
  hardware: HardwareKey;
  /** Slug of the baseline compared with; null when this hardware has none. */
  baselineHardware: string | null;
  /** When none matched: the hardware keys (slugs) that do have a baseline for this benchmark. */
  alternativeHardware: string[];
  /** Regressions first, then by metric name. */
  comparisons: MetricComparison[];
}

export interface ComparisonTotals {
  benchmarks: number;
  regressions: number;
  improvements: number;
  unchanged: number;
  inconclusive: number;
  noBaseline: number;
  failed: number;
}

/** The whole comparison; its JSON form is the `--json` output of `maat compare`. */
export interface ComparisonReport {
  /** Benchmarks with a regression first, then by benchmark id. */
  benchmarks: BenchmarkComparison[];
  totals: ComparisonTotals;
}
