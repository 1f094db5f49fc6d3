import { metricHistory } from "../../baselines/reset.js";
import type { BaselineStore } from "../../baselines/types.js";
import type { BenchmarkComparison, ComparisonReport } from "../../compare/types.js";
import type { MetricComparison } from "../../stats/types.js";
import { trendSparkline } from "../sparkline.js";

/**
 * The Trend cells of `maat compare`'s table: the baseline's recent run means (regressions
 * included, as the history happened), then this run's mean. `collect` draws them while each
 * benchmark's baselines are loaded; `cell` reads them back when the table is rendered.
 */
export function compareTrends() {
  const cells = new Map<string, string>();
  const key = (benchmark: BenchmarkComparison, metric: string) =>
    `${benchmark.resultId}\n${benchmark.baselineHardware ?? ""}\n${metric}`;
  return {
    collect(store: BaselineStore, part: ComparisonReport): void {
      for (const benchmark of part.benchmarks) {
        const baseline = store
          .baselines(benchmark.benchmarkId)
          .find((b) => b.hardware.slug === benchmark.baselineHardware);
        for (const comparison of benchmark.comparisons) {
          const history =
            baseline === undefined
              ? []
              : metricHistory(baseline, comparison.metric, { includeRegressed: true }).runs.map(
                  (run) => run.summary.mean,
                );
          cells.set(key(benchmark, comparison.metric), trendSparkline(history, comparison.candidate?.mean));
        }
      }
    },
    cell: (benchmark: BenchmarkComparison, comparison: MetricComparison): string =>
      cells.get(key(benchmark, comparison.metric)) ?? "",
  };
}
