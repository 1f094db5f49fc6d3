import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import schema from "../../schema/descriptor.schema.json" with { type: "json" };

/** The published JSON Schema of descriptors (schema/descriptor.schema.json). */
export const descriptorSchema: Record<string, unknown> = schema;

let compiled: ValidateFunction | undefined;

/** Validates parsed TOML against the descriptor schema; every error, not just the first. */
export function validateAgainstSchema(data: unknown): ErrorObject[] {
  compiled ??= compileSchema();
  return compiled(data) ? [] : [...(compiled.errors ?? [])];
}

function compileSchema(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
  // Annotations Maat reads back when it words an error; they do not validate anything.
  ajv.addVocabulary(["x-expected", "x-aliases"]);
  return ajv.compile(schema);
}
