import { mkdir } from "node:fs/promises";
import path from "node:path";
import { MaatError } from "../errors.js";
import { writeFileAtomic } from "../storage/atomic-write.js";
import type { ResultReceipt } from "./receipt-types.js";
import { receiptProblems } from "./receipt-validation.js";

/** A receipt file that cannot be read, parsed or validated. */
export class ReceiptError extends MaatError {
  readonly file: string;
  constructor(file: string, message: string, hint?: string) {
    super(`${file}: ${message}`, hint === undefined ? {} : { hint });
    this.file = file;
  }
}

/**
 * Creates the results folder before any benchmark runs, so a path that cannot hold results (a
 * parent is a file, no permission) stops the command with the path named, not mid-run.
 */
export async function ensureResultsDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why = code === "ENOTDIR" || code === "EEXIST" ? "a part of the path is a file" : code;
    throw new MaatError(`the results folder ${dir} cannot be created: ${why}`, {
      hint: "choose another --results-dir (results-dir in the action)",
      exitCode: 2,
    });
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

/**
 * Writes atomically (temp file + rename) so a crash never leaves half a receipt behind. The
 * receipt is checked against the schema its readers use first: no writer may produce a receipt
 * that `maat results`, `compare` or the report would reject (an Infinity becomes a JSON null).
 */
export async function writeReceipt(file: string, receipt: ResultReceipt): Promise<void> {
  const problems = receiptProblems(JSON.parse(JSON.stringify(receipt)));
  if (problems.length > 0) {
    throw new Error(
      `Maat built a receipt its readers would reject (${file}): ${problems.slice(0, 5).join("; ")}`,
    );
  }
  await writeFileAtomic(file, serializeReceipt(receipt));
}

/** The bytes of a receipt file; the results stores compare these to keep writes idempotent. */
export function serializeReceipt(receipt: ResultReceipt): string {
  return `${JSON.stringify(receipt, null, 2)}\n`;
}
