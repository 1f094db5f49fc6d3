import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../../storage/atomic-write.js";
import type { ResultReceipt } from "../receipt-types.js";
import { receiptProblems } from "../receipt-validation.js";
import { conflict, type ResultsStore, ResultsStoreError, resultKey } from "./results-store.js";

export interface PullFilter {
  /** Exact result ids; when given, the other filters are ignored. */
  resultIds?: string[];
  benchmark?: string;
  /** Commit sha (7+ hex digits): result names end with its first 7. */
  commit?: string;
  /** Only receipts of this workflow run (their source.workflowRunUrl). */
  workflowRunUrl?: string;
}

export interface PullOutcome {
  resultId: string;
  file: string;
  outcome: "pulled" | "unchanged" | "skipped";
}

/**
 * Copies receipts (and with `logs`, their logs) from a store into a local results folder,
 * laid out as `maat run` writes it. Never replaces a different local receipt; each receipt is
 * checked against the schema before it is written.
 */
export async function pullResults(
  store: ResultsStore,
  resultsDir: string,
  filter: PullFilter,
  options: { logs?: boolean } = {},
): Promise<PullOutcome[]> {
  const shortSha = filter.commit?.slice(0, 7).toLowerCase();
  const ids =
    filter.resultIds ??
    (await store.list(filter.benchmark === undefined ? {} : { benchmark: filter.benchmark })).filter(
      (id) => shortSha === undefined || id.endsWith(`-${shortSha}`),
    );
  const outcomes: PullOutcome[] = [];
  for (const resultId of ids) {
    const { benchmark, name } = resultKey(resultId);
    const file = path.join(resultsDir, benchmark, `${name}.json`);
    const bytes = await store.get(resultId);
    let receipt: ResultReceipt;
    try {
      receipt = JSON.parse(bytes) as ResultReceipt;
    } catch {
      throw new ResultsStoreError(store.location, `${resultId} in ${store.location} is not valid JSON`);
    }
    const problems = receiptProblems(receipt);
    if (problems.length > 0) {
      throw new ResultsStoreError(
        store.location,
        `${resultId} in ${store.location} is not a valid receipt: ${problems[0]}`,
      );
    }
    if (filter.workflowRunUrl !== undefined && receipt.source.workflowRunUrl !== filter.workflowRunUrl) {
      outcomes.push({ resultId, file, outcome: "skipped" });
      continue;
    }
    const local = await readFile(file, "utf8").catch(() => undefined);
    if (local !== undefined && local !== bytes) throw conflict(resultsDir, resultId);
    if (local === undefined) await writeFileAtomic(file, bytes);
    if (options.logs) await store.getLogs(resultId, file.replace(/\.json$/, ".logs"));
    outcomes.push({ resultId, file, outcome: local === undefined ? "pulled" : "unchanged" });
  }
  return outcomes;
}
