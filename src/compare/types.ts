import type { HardwareKey } from "../baselines/types.js";
import type { RunStatus } from "../results/receipt-types.js";
import type { MetricComparison } from "../stats/types.js";
import type { DescriptorChange } from "./descriptor-changes.js";

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
  /** Fields of the descriptor that changed since the baseline's newest run (what ran, metrics' meaning). */
  descriptorChanges?: DescriptorChange[];
  /** Metrics the baseline has runs of that this run no longer measures (they fail the check). */
  disappearedMetrics?: string[];
  /** Regressions first, then incomparable metrics, then by metric name. */
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
  /** Metrics whose meaning changed since the baseline: they fail the check until accepted. */
  incomparable: number;
}

/** The whole comparison; its JSON form is the `--json` output of `maat compare`. */
export interface ComparisonReport {
  /** Benchmarks with a regression first, then by benchmark id. */
  benchmarks: BenchmarkComparison[];
  totals: ComparisonTotals;
}
