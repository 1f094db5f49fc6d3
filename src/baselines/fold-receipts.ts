import type { ResultReceipt } from "../results/receipt-types.js";
import { withFileLock } from "./file-lock.js";
import { baselinePath, readBaselineFile, writeBaselineFile } from "./files.js";
import { emptyBaseline, type FoldOptions, foldIntoBaseline, refusalReason } from "./fold.js";
import { hardwareKey } from "./hardware-key.js";
import { serializeBaseline } from "./serialize.js";

/** What `foldReceipts` changed on disk. */
export interface FoldReport {
  /** Baseline files written (only those whose content changed). */
  written: string[];
  added: Array<{ resultId: string; file: string }>;
  /** Receipts already in their baseline: folding twice changes nothing. */
  alreadyPresent: string[];
  /** Receipts that may not join a baseline (failed runs), with why. Not an error. */
  refused: Array<{ resultId: string; reason: string }>;
  skippedMetrics: Array<{ resultId: string; metric: string; reason: string }>;
  rolledOff: Array<{ resultId: string; file: string }>;
}

/**
 * Folds receipts into the baseline files under `baselinesDir`, one file per benchmark
 * and hardware key. A refused receipt is reported and the others still fold.
 */
export async function foldReceipts(
  baselinesDir: string,
  receipts: readonly ResultReceipt[],
  options: FoldOptions = {},
): Promise<FoldReport> {
  const report: FoldReport = {
    written: [],
    added: [],
    alreadyPresent: [],
    refused: [],
    skippedMetrics: [],
    rolledOff: [],
  };
  const groups = new Map<string, ResultReceipt[]>();
  for (const receipt of receipts) {
    const refused = refusalReason(receipt, options);
    if (refused !== undefined) {
      report.refused.push({ resultId: receipt.resultId, reason: refused });
      continue;
    }
    const file = baselinePath(baselinesDir, receipt.benchmark.id, hardwareKey(receipt).slug);
    groups.set(file, [...(groups.get(file) ?? []), receipt]);
  }
  for (const [file, group] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    // Read, fold and write under the file's lock: a parallel update waits, then folds into our result.
    await withFileLock(file, async () => {
      const first = group[0]!;
      const before = await readBaselineFile(file);
      let baseline = before ?? emptyBaseline(first.benchmark.id, hardwareKey(first));
      const added: string[] = [];
      for (const receipt of group) {
        const outcome = foldIntoBaseline(baseline, receipt, options);
        baseline = outcome.baseline;
        if (outcome.refused !== undefined)
          report.refused.push({ resultId: receipt.resultId, reason: outcome.refused });
        else if (outcome.added) added.push(receipt.resultId);
        else if (!outcome.rolledOff.includes(receipt.resultId)) report.alreadyPresent.push(receipt.resultId);
        for (const s of outcome.skippedMetrics)
          report.skippedMetrics.push({ resultId: receipt.resultId, ...s });
        for (const resultId of outcome.rolledOff) report.rolledOff.push({ resultId, file });
      }
      // A run added and rolled off by the same batch was never kept: it shows as rolled off only.
      const kept = new Set(baseline.runs.map((r) => r.resultId));
      for (const resultId of added.filter((id) => kept.has(id))) report.added.push({ resultId, file });
      const unchanged = before !== undefined && serializeBaseline(before) === serializeBaseline(baseline);
      if (baseline.runs.length > 0 && !unchanged) {
        await writeBaselineFile(file, baseline);
        report.written.push(file);
      }
    });
  }
  return report;
}
