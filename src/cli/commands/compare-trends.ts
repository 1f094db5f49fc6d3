import { metricHistory } from "../../baselines/reset.js";
import type { BaselineStore } from "../../baselines/types.js";
import type { BenchmarkComparison } from "../../compare/types.js";
import type { MetricComparison } from "../../stats/types.js";
import { trendSparkline } from "../sparkline.js";

/**
 * The Trend cell of `maat compare`'s table: the baseline's recent run means (regressions
 * included, as the history happened), then this run's mean.
 */
export function compareTrends(store: BaselineStore) {
  return (benchmark: BenchmarkComparison, comparison: MetricComparison): string => {
    const baseline = store
      .baselines(benchmark.benchmarkId)
      .find((b) => b.hardware.slug === benchmark.baselineHardware);
    const history =
      baseline === undefined
        ? []
        : metricHistory(baseline, comparison.metric, { includeRegressed: true }).runs.map(
            (run) => run.summary.mean,
          );
    return trendSparkline(history, comparison.candidate?.mean);
  };
}
