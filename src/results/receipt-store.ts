import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { MaatError } from "../errors.js";
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
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(receipt, null, 2)}\n`);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function readReceipt(file: string): Promise<ResultReceipt> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ReceiptError(
      file,
      `cannot read the receipt (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReceiptError(
      file,
      `not valid JSON (${(error as Error).message})`,
      "pass a receipt written by 'maat run'",
    );
  }
  const problems = receiptProblems(value);
  if (problems.length > 0) {
    throw new ReceiptError(
      file,
      `not a valid result receipt: ${problems.slice(0, 5).join("; ")}`,
      "receipts are written by 'maat run'; see schema/receipt.schema.json",
    );
  }
  return value as ResultReceipt;
}

/**
 * Receipt files under the given files or folders (folders are searched recursively for
 * `*.json`, skipping log folders), sorted by path, which sorts each benchmark's runs by time.
 */
export async function findReceiptFiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of paths) {
    const stats = await statOrUndefined(entry);
    if (stats === undefined) throw new ReceiptError(entry, "no such file or folder");
    if (stats) found.push(...(await walk(entry)));
    else found.push(entry);
  }
  return [...new Set(found)].sort();
}

/** true for a folder, false for a file, undefined when absent. */
async function statOrUndefined(entry: string): Promise<boolean | undefined> {
  try {
    return (await stat(entry)).isDirectory();
  } catch {
    return undefined;
  }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.endsWith(".logs")) files.push(...(await walk(full)));
    } else if (entry.name.endsWith(".json")) {
      files.push(full);
    }
  }
  return files;
}
