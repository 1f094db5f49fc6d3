import type { MetricProblem } from "../results/receipt-types.js";

/** A captured or emitted value: a finite number, or the problem that keeps it from being one. */
export type ClassifiedValue = { value: number } | { problem: MetricProblem; detail: string };

const NAN_TEXT = /^[+-]?nan$/i;
const INFINITE_TEXT = /^[+-]?inf(inity)?$/i;
const DETAIL_LIMIT = 120;

/**
 * Turns the text a pattern captured into a number. Python prints "nan" and "inf", JavaScript
 * "NaN" and "Infinity"; both are problems, never numbers, and an empty capture is never a zero.
 */
export function classifyCapturedText(text: string): ClassifiedValue {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: "non_numeric", detail: describeText(text) };
  const value = Number(trimmed);
  if (Number.isFinite(value)) return { value };
  if (
    value === Number.POSITIVE_INFINITY ||
    value === Number.NEGATIVE_INFINITY ||
    INFINITE_TEXT.test(trimmed)
  ) {
    return { problem: "infinite", detail: describeText(trimmed) };
  }
  if (NAN_TEXT.test(trimmed)) return { problem: "nan", detail: describeText(trimmed) };
  return { problem: "non_numeric", detail: describeText(text) };
}

/** Classifies the `value` of an emit record: a JSON number, or one of the strings for NaN and the infinities. */
export function classifyEmittedValue(value: unknown): ClassifiedValue | undefined {
  // JSON.parse reads 1e999 as Infinity: a number in the record, but no finite value.
  if (typeof value === "number") {
    return Number.isFinite(value) ? { value } : { problem: "infinite", detail: describeText(String(value)) };
  }
  if (typeof value !== "string") return undefined;
  const classified = classifyCapturedText(value);
  // A string that reads as a plain number is still a wrong type in the protocol.
  return "value" in classified ? undefined : classified;
}

/** Quotes a value for a problem detail, truncated so a huge capture cannot bloat a receipt. */
export function describeText(text: string): string {
  const shown = text.length > DETAIL_LIMIT ? `${text.slice(0, DETAIL_LIMIT)}...` : text;
  return JSON.stringify(shown);
}
