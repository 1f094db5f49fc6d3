import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { MaatError } from "../errors.js";
import type { ResultReceipt } from "../results/receipt-types.js";

/** A receipt file that cannot be read or is not a result receipt. */
export class ReceiptReadError extends MaatError {}

export interface ReceiptFile {
  file: string;
  receipt: ResultReceipt;
}

/**
 * Reads receipts from files and folders (every `*.json` below a folder, such as
 * `.maat/results/`). A file named on the command line must be a receipt; JSON files in
 * a folder that are not receipts (no `receiptVersion`) are passed over.
 */
export async function readReceipts(paths: readonly string[], cwd: string): Promise<ReceiptFile[]> {
  const found: ReceiptFile[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) {
      throw new ReceiptReadError(`receipt ${path} does not exist`, {
        hint: "Pass receipt files or folders such as .maat/results/ written by 'maat run'.",
      });
    }
    if (!info.isDirectory()) {
      found.push({ file: path, receipt: await readReceiptFile(absolute, path, true) });
      continue;
    }
    for (const file of await jsonFilesUnder(absolute)) {
      const shown = relative(cwd, file) || file;
      const receipt = await readReceiptFile(file, shown, false);
      if (receipt !== undefined) found.push({ file: shown, receipt });
    }
  }
  return found;
}

async function readReceiptFile(file: string, shown: string, required: true): Promise<ResultReceipt>;
async function readReceiptFile(
  file: string,
  shown: string,
  required: boolean,
): Promise<ResultReceipt | undefined>;
async function readReceiptFile(
  file: string,
  shown: string,
  required: boolean,
): Promise<ResultReceipt | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ReceiptReadError(`receipt ${shown} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!required && !(typeof data === "object" && data !== null && "receiptVersion" in data)) return undefined;
  const problems = receiptProblems(data);
  if (problems.length > 0) {
    throw new ReceiptReadError(`receipt ${shown} is not a Maat result receipt: ${problems.join("; ")}`, {
      hint: "Receipts are the receipt.json files 'maat run' writes (schema/receipt.schema.json).",
    });
  }
  return data as ResultReceipt;
}

/** The fields compare and fold rely on; the full schema is checked where receipts are written. */
function receiptProblems(data: unknown): string[] {
  if (typeof data !== "object" || data === null) return ["the top level is not an object"];
  const at = (path: string) => field(data, path);
  const checks: Array<[boolean, string]> = [
    [
      at("receiptVersion") === "1.0",
      `receiptVersion is ${JSON.stringify(at("receiptVersion"))}, expected "1.0"`,
    ],
    [typeof at("resultId") === "string", "resultId is missing"],
    [typeof at("benchmark.id") === "string", "benchmark.id is missing"],
    [
      ["succeeded", "failed", "timed_out", "error"].includes(at("status") as string),
      "status is not a run status",
    ],
    [typeof at("startedAt") === "string", "startedAt is missing"],
    [Array.isArray(at("descriptor.output.metrics")), "descriptor.output.metrics is missing"],
    [typeof at("descriptor.hardware.instanceType") === "string", "descriptor.hardware is missing"],
    [typeof at("host.cpuModel") === "string" && Array.isArray(at("host.gpus")), "host is incomplete"],
  ];
  const problems = checks.filter(([ok]) => !ok).map(([, problem]) => problem);
  const metrics = at("metrics");
  if (typeof metrics !== "object" || metrics === null) return [...problems, "metrics is missing"];
  for (const [name, metric] of Object.entries(metrics)) {
    if (!Array.isArray(field(metric, "values")) || !Array.isArray(field(metric, "problems"))) {
      problems.push(`metrics.${name} lacks values`);
    }
  }
  return problems;
}

/** The value at a dotted path of parsed JSON, or undefined. */
function field(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
