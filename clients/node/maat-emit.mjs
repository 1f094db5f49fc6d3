/**
 * maat-emit: report a metric to Maat from a Node.js benchmark. No dependencies.
 *
 *   import { emit } from "./maat-emit.mjs";
 *   emit("requests_per_second", 1234.5, "req/s");
 *
 * When MAAT_METRICS_FILE is set (Maat sets it for every repetition), one JSON object
 * per call is appended to that file as a line: {"name": ..., "value": ..., "unit": ...}
 * ("unit" left out when not given).
 * Each line is a single append-mode write, so several processes may emit into the same
 * file. Without the variable, the line is printed to stdout as `maat:metric {...}`.
 *
 * JSON has no NaN or infinities: they are written as the strings "NaN", "Infinity",
 * "-Infinity". Declare emitted metrics in the descriptor's [[output.metrics]] (no pattern).
 */
import { appendFileSync, writeSync } from "node:fs";

export const ENV_VAR = "MAAT_METRICS_FILE";
export const STDOUT_PREFIX = "maat:metric ";

function jsonNumber(value) {
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "number") throw new TypeError(`metric value must be a number, got ${typeof value}`);
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  return value;
}

/** The one-line JSON object for a metric, without a trailing newline. */
export function formatMetric(name, value, unit) {
  if (typeof name !== "string" || name.length === 0)
    throw new TypeError("metric name must be a non-empty string");
  const record = { name, value: jsonNumber(value) };
  if (unit !== undefined && unit !== null) record.unit = String(unit);
  return JSON.stringify(record);
}

/** Report one value of metric `name` (a number; `unit` is an optional string). */
export function emit(name, value, unit) {
  const line = `${formatMetric(name, value, unit)}\n`;
  const file = process.env[ENV_VAR];
  if (file) {
    appendFileSync(file, line, { encoding: "utf8", flag: "a" });
  } else {
    // Synchronous write: the line is out even if the process exits right after.
    writeSync(1, STDOUT_PREFIX + line);
  }
}
