import { readBaselineStore } from "../baselines/store.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import type { ComparisonPolicy } from "../stats/types.js";
import { compareReceipts } from "./compare-receipts.js";
import { historyRunsNeeded } from "./history-window.js";

/**
 * Per result id, the metrics that regress against the baselines in `baselinesDir`, judged
 * before the receipts are folded in. Folding records them on the run, so the history keeps
 * the run but the level does not drift to the regressed value.
 */
export async function flagRegressions(
  baselinesDir: string,
  receipts: readonly ResultReceipt[],
  policy: Partial<ComparisonPolicy> = {},
): Promise<Map<string, string[]>> {
  const succeeded = receipts.filter((r) => r.status === "succeeded");
  const store = await readBaselineStore(
    baselinesDir,
    succeeded.map((r) => r.benchmark.id),
    { recentRuns: historyRunsNeeded(policy) },
  );
  const report = compareReceipts(succeeded, store, policy);
  const flags = new Map<string, string[]>();
  for (const benchmark of report.benchmarks) {
    const regressed = benchmark.comparisons.filter((c) => c.verdict === "regression").map((c) => c.metric);
    if (regressed.length > 0) flags.set(benchmark.resultId, regressed);
  }
  return flags;
}
