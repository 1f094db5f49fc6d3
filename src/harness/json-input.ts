import { HarnessFileError } from "./harness-error.js";

export type JsonObject = Record<string, unknown>;

/** Parses a result file as JSON; invalid JSON is a HarnessFileError naming the file and format. */
export function parseJsonFile(text: string, file: string, format: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HarnessFileError(
      file,
      format,
      `is not valid JSON (${(error as Error).message})`,
      `check that the benchmark wrote a complete ${format} JSON file there`,
    );
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A finite number, or undefined for anything else (null, strings, NaN). */
export function finiteNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The finite numbers of an array; how many entries were not numbers. */
export function numbersIn(value: unknown): { numbers: number[]; skipped: number } {
  if (!Array.isArray(value)) return { numbers: [], skipped: 0 };
  const numbers = value.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return { numbers, skipped: value.length - numbers.length };
}

/** The objects of the array at `key`, or a HarnessFileError saying what the file should hold. */
export function objectArray(root: unknown, key: string, file: string, format: string): JsonObject[] {
  const list = isObject(root) ? root[key] : undefined;
  if (!Array.isArray(list)) {
    throw new HarnessFileError(
      file,
      format,
      `has no "${key}" array, so it is not a ${format} result file`,
      `check the file's path and the declared format`,
    );
  }
  return list.filter(isObject);
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
