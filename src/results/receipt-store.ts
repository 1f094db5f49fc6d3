import path from "node:path";
import { MaatError } from "../errors.js";
import { writeFileAtomic } from "../storage/atomic-write.js";
import type { ResultReceipt } from "./receipt-types.js";

/** A receipt file that cannot be read, parsed or validated. */
export class ReceiptError extends MaatError {
  readonly file: string;
  constructor(file: string, message: string, hint?: string) {
    super(`${file}: ${message}`, hint === undefined ? {} : { hint });
    this.file = file;
  }
}

/** `20261124T215012345Z`: sortable, filesystem-safe, unique to the millisecond. */
export function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, "");
}

/** The result id and file location of a run: `<benchmark-id>/<timestamp>-<shortsha>`. */
export function resultLocation(resultsDir: string, benchmarkId: string, startedAt: Date, commit?: string) {
  const shortSha = commit ? commit.slice(0, 7).toLowerCase() : "nogit";
  const name = `${compactTimestamp(startedAt)}-${shortSha}`;
  return {
    resultId: `${benchmarkId}/${name}`,
    receiptPath: path.join(resultsDir, benchmarkId, `${name}.json`),
    logDir: path.join(resultsDir, benchmarkId, `${name}.logs`),
  };
}

/** Writes atomically (temp file + rename) so a crash never leaves half a receipt behind. */
export async function writeReceipt(file: string, receipt: ResultReceipt): Promise<void> {
  await writeFileAtomic(file, serializeReceipt(receipt));
}

/** The bytes of a receipt file; the results stores compare these to keep writes idempotent. */
export function serializeReceipt(receipt: ResultReceipt): string {
  return `${JSON.stringify(receipt, null, 2)}\n`;
}
