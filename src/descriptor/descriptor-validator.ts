import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import schema from "../../schema/descriptor.schema.json" with { type: "json" };

/**
 * Compiles schema/descriptor.schema.json. `source` keeps the generated code, which the build
 * turns into ajv standalone code (scripts/standalone-validators.mjs) so the bundle never
 * compiles a schema at run time.
 */
export function compileDescriptorValidator(options: { source?: boolean } = {}) {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    strict: true,
    code: { source: options.source ?? false, esm: true },
  });
  // Annotations Maat reads back when it words an error; they do not validate anything.
  ajv.addVocabulary(["x-expected", "x-aliases"]);
  return { ajv, validate: ajv.compile(schema) };
}

let compiled: ValidateFunction | undefined;

/** The descriptor schema's validator, compiled at first use (in the bundle: at build time). */
export function descriptorValidator(): ValidateFunction {
  compiled ??= compileDescriptorValidator().validate;
  return compiled;
}
