import { rm } from "node:fs/promises";
import { readBaselineStore } from "../baselines/store.js";
import { compareReceipts } from "../compare/compare-receipts.js";
import { suspectBenchmarks } from "../compare/confirm.js";
import { historyRunsNeeded } from "../compare/history-window.js";
import { mergeReceipts } from "../compare/merge-receipts.js";
import { writeReceipt } from "../results/receipt-store.js";
import type { ComparisonPolicy } from "../stats/types.js";
import type { BenchmarkRun } from "./run-benchmark.js";
import type { RunOverrides } from "./run-settings.js";

export interface ConfirmOptions {
  baselinesDir: string;
  policy: Partial<ComparisonPolicy>;
  /** Extra measured repetitions for a suspect result; 0 turns confirmation off. */
  extraRepetitions: number;
  /** Runs the same benchmark again with these overrides (writes its own receipt). */
  rerun: (overrides: RunOverrides) => Promise<BenchmarkRun>;
  log: (message: string) => void;
}

/**
 * Confirms a result before anyone is alerted: when a run looks like a regression or is
 * almost significant against its baseline, runs the benchmark again for more repetitions and
 * merges both into the first receipt, so the verdict rests on all of them. One noisy run on a
 * shared machine then rarely turns into a red X.
 */
export async function confirmSuspiciousRun(
  run: BenchmarkRun,
  options: ConfirmOptions,
): Promise<BenchmarkRun> {
  if (options.extraRepetitions <= 0 || run.receipt.status !== "succeeded") return run;
  const id = run.receipt.benchmark.id;
  const store = await readBaselineStore(options.baselinesDir, [id], {
    recentRuns: historyRunsNeeded(options.policy),
  });
  const report = compareReceipts([run.receipt], store, options.policy);
  if (!suspectBenchmarks(report).includes(id)) return run;

  const suspects = report.benchmarks
    .flatMap((b) => b.comparisons)
    .filter((c) => c.verdict === "regression" || c.suspicious)
    .map((c) => c.metric);
  options.log(
    `${id}: ${suspects.join(", ")} look${suspects.length === 1 ? "s" : ""} changed; running ${options.extraRepetitions} more repetition(s) to confirm`,
  );
  const again = await options.rerun({ repetitions: options.extraRepetitions, warmup: 0 });
  const merged = mergeReceipts(run.receipt, [again.receipt]);
  merged.stopReason = `${run.receipt.stopReason}; ${options.extraRepetitions} confirmation repetition(s) added because ${suspects.join(", ")} looked changed`;
  await writeReceipt(run.receiptPath, merged);
  // The re-run's repetitions now live in the merged receipt; its logs stay where they are.
  await rm(again.receiptPath, { force: true });
  return { receipt: merged, receiptPath: run.receiptPath };
}
