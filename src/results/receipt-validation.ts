import { receiptValidator } from "./receipt-validator.js";

/** Problems of a receipt against schema/receipt.schema.json, as "path: message" lines; [] when valid. */
export function receiptProblems(value: unknown): string[] {
  const validate = receiptValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "is invalid"}`);
}
