import type { ErrorObject } from "ajv/dist/2020.js";
import schema from "../../schema/descriptor.schema.json" with { type: "json" };
import { descriptorValidator } from "./descriptor-validator.js";

/** The published JSON Schema of descriptors (schema/descriptor.schema.json). */
export const descriptorSchema: Record<string, unknown> = schema;

/** Validates parsed TOML against the descriptor schema; every error, not just the first. */
export function validateAgainstSchema(data: unknown): ErrorObject[] {
  const validate = descriptorValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
