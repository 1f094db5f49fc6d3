import { readFile, stat } from "node:fs/promises";
import { MaatError } from "../../errors.js";
import { readReceipts } from "../read-receipts.js";
import type { ResultsStore } from "./results-store.js";

export interface PushOutcome {
  resultId: string;
  /** The receipt on this machine, which stays there whatever happens. */
  file: string;
  outcome: "stored" | "unchanged" | "failed";
  error?: string;
}

/**
 * Pushes receipts (files, or every receipt below folders) and their logs to a store. A receipt
 * is already on local disk; a failed upload leaves it there and is reported, not thrown, so
 * one bad upload does not stop the others.
 */
export async function pushResults(
  store: ResultsStore,
  paths: readonly string[],
  options: { cwd: string; logs?: boolean },
): Promise<PushOutcome[]> {
  const outcomes: PushOutcome[] = [];
  for (const { file, receipt } of await readReceipts(paths, options.cwd)) {
    const absolute = file.startsWith("/") ? file : `${options.cwd}/${file}`;
    try {
      const bytes = await readFile(absolute, "utf8");
      const siblingLogs = absolute.replace(/\.json$/, ".logs");
      const logDir = (await isFolder(siblingLogs))
        ? siblingLogs
        : (await isFolder(receipt.logDir))
          ? receipt.logDir
          : undefined;
      const outcome = await store.put({
        resultId: receipt.resultId,
        receipt: bytes,
        ...(options.logs === false || logDir === undefined ? {} : { logDir }),
      });
      outcomes.push({ resultId: receipt.resultId, file, outcome });
    } catch (error) {
      if (!(error instanceof MaatError)) throw error;
      outcomes.push({ resultId: receipt.resultId, file, outcome: "failed", error: error.message });
    }
  }
  return outcomes;
}

async function isFolder(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
