import { readdir, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { FileReadProblem, MAX_JSON_BYTES, readRegularTextFile } from "../read-regular-file.js";
import { ReceiptError } from "./receipt-store.js";
import type { ResultReceipt } from "./receipt-types.js";
import { receiptProblems } from "./receipt-validation.js";

export interface ReceiptFile {
  /** As the user named it, or relative to cwd for files found in a folder. */
  file: string;
  receipt: ResultReceipt;
}

/**
 * Reads receipts from files and folders (every `*.json` below a folder, such as
 * `.maat/results/` or downloaded artifacts). A file named explicitly must be a receipt; JSON
 * files in a folder that are not receipts (no `receiptVersion`) are passed over. Every receipt
 * is checked against schema/receipt.schema.json, so nothing half-written is ever compared.
 */
export async function readReceipts(
  paths: readonly string[],
  cwd: string,
  options: ReadReceiptsOptions = {},
): Promise<ReceiptFile[]> {
  const found: ReceiptFile[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) {
      throw new ReceiptError(
        path,
        "no such receipt file or folder",
        "pass receipts or folders such as .maat/results/ written by 'maat run'",
      );
    }
    if (!info.isDirectory()) {
      found.push({ file: path, receipt: (await readReceiptFile(absolute, path, true))! });
      continue;
    }
    for (const file of await jsonFilesUnder(absolute)) {
      const shown = relative(cwd, file) || file;
      // A benchmark's own files live in .logs folders: never read as receipts.
      if (insideLogFolder(relative(absolute, file))) continue;
      let receipt: ResultReceipt | undefined;
      try {
        receipt = await readReceiptFile(file, shown, false);
      } catch (error) {
        // A stray file that is not even JSON breaks no reader: it is named and passed over.
        if (!(error instanceof ReceiptError) || !/not valid JSON|cannot read/.test(error.message))
          throw error;
        options.warn?.(`skipped ${error.message}`);
        continue;
      }
      if (receipt !== undefined) found.push({ file: shown, receipt });
      else options.warn?.(`skipped ${shown}: not a Maat result receipt (no receiptVersion)`);
    }
  }
  return found;
}

export interface ReadReceiptsOptions {
  /** Told about each file a folder scan passes over, so a stray file is seen but breaks nothing. */
  warn?: (message: string) => void;
}

/** Whether a file lies in a run's `.logs` folder, where logs and a benchmark's own files go. */
function insideLogFolder(file: string): boolean {
  return file.split(/[\\/]/).some((part) => part.endsWith(".logs"));
}

/** One receipt file, validated; throws ReceiptError naming the file when it is not one. */
export async function readReceipt(file: string): Promise<ResultReceipt> {
  return (await readReceiptFile(file, file, true))!;
}

async function readReceiptFile(
  file: string,
  shown: string,
  required: boolean,
): Promise<ResultReceipt | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readRegularTextFile(file, MAX_JSON_BYTES));
  } catch (error) {
    if (error instanceof FileReadProblem) {
      throw new ReceiptError(shown, `cannot read the receipt: ${error.message.slice(file.length + 1)}`);
    }
    throw new ReceiptError(shown, `not valid JSON (${(error as Error).message})`);
  }
  const looksLikeReceipt = typeof data === "object" && data !== null && "receiptVersion" in data;
  if (!looksLikeReceipt) {
    if (!required) return undefined;
    throw new ReceiptError(
      shown,
      "not a Maat result receipt (it has no receiptVersion)",
      "pass receipts written by 'maat run'",
    );
  }
  const problems = receiptProblems(data);
  if (problems.length > 0) {
    throw new ReceiptError(
      shown,
      `not a valid result receipt: ${problems.slice(0, 5).join("; ")}`,
      "receipts are written by 'maat run' (schema/receipt.schema.json)",
    );
  }
  return data as ResultReceipt;
}

/** `*.json` files below a folder, sorted (so each benchmark's runs come in time order). */
async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The receipts below a results folder; none when the folder does not exist (nothing ran yet). */
export async function readResultsFolder(
  dir: string,
  cwd: string,
  options: ReadReceiptsOptions = {},
): Promise<ReceiptFile[]> {
  const exists = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  return exists ? readReceipts([dir], cwd, options) : [];
}
