import type { ValidateFunction } from "ajv";
import schema from "../../schema/receipt.schema.json" with { type: "json" };
import { createAjv } from "../json-schema.js";
import type { ResultReceipt } from "./receipt-types.js";

let validate: ValidateFunction | undefined;

/** Problems of a receipt against schema/receipt.schema.json, as "path: message" lines; [] when valid. */
export function receiptProblems(value: unknown): string[] {
  validate ??= createAjv().compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "is invalid"}`);
}

export function isResultReceipt(value: unknown): value is ResultReceipt {
  return receiptProblems(value).length === 0;
}
