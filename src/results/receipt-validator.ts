import type { ValidateFunction } from "ajv";
import schema from "../../schema/receipt.schema.json" with { type: "json" };
import { createAjv } from "../json-schema.js";

/** Compiles schema/receipt.schema.json; see src/descriptor/descriptor-validator.ts for `source`. */
export function compileReceiptValidator(options: { source?: boolean } = {}) {
  const ajv = createAjv({ code: { source: options.source ?? false, esm: true } });
  return { ajv, validate: ajv.compile(schema) };
}

let compiled: ValidateFunction | undefined;

/** The receipt schema's validator, compiled at first use (in the bundle: at build time). */
export function receiptValidator(): ValidateFunction {
  compiled ??= compileReceiptValidator().validate;
  return compiled;
}
