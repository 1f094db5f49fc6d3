import { type ClassifiedValue, classifyEmittedValue, describeText } from "./classify-value.js";

/** Lines carrying an emit record on stdout or stderr start with this (see docs/emit-protocol.md). */
export const EMIT_PREFIX = "maat:metric ";
/** Environment variable naming the file a benchmark may append emit records to, one JSON object a line. */
export const METRICS_FILE_ENV = "MAAT_METRICS_FILE";

export interface EmitRecord {
  name: string;
  value: ClassifiedValue;
  unit?: string;
}

export type ParsedEmitLine = { record: EmitRecord } | { malformed: string };

/**
 * Parses one emit record, `{"name": "loss", "value": 0.42, "unit": "nats", "step": 3}`.
 * `value` is a JSON number, or "NaN" / "Infinity" / "-Infinity" so that those arrive as
 * problems rather than as invalid JSON. `step` is accepted and ignored for now.
 */
export function parseEmitRecord(json: string): ParsedEmitLine {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { malformed: `not JSON: ${describeText(json)}` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { malformed: `not a JSON object: ${describeText(json)}` };
  }
  const fields = data as Record<string, unknown>;
  if (typeof fields.name !== "string" || fields.name.trim() === "") {
    return { malformed: `"name" must be a non-empty string: ${describeText(json)}` };
  }
  const value = classifyEmittedValue(fields.value);
  if (value === undefined) {
    return { malformed: `"value" must be a number or "NaN"/"Infinity": ${describeText(json)}` };
  }
  if (fields.unit !== undefined && typeof fields.unit !== "string") {
    return { malformed: `"unit" must be a string: ${describeText(json)}` };
  }
  const record: EmitRecord = { name: fields.name, value };
  if (typeof fields.unit === "string") record.unit = fields.unit;
  return { record };
}
