import { Ajv, type ValidateFunction } from "ajv";
import schema from "../../schema/config.schema.json" with { type: "json" };

/** Compiles schema/config.schema.json; see src/descriptor/descriptor-validator.ts for `source`. */
export function compileConfigValidator(options: { source?: boolean } = {}) {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    code: { source: options.source ?? false, esm: true },
  });
  return { ajv, validate: ajv.compile(schema) };
}

let compiled: ValidateFunction | undefined;

/** The config schema's validator, compiled at first use (in the bundle: at build time). */
export function configValidator(): ValidateFunction {
  compiled ??= compileConfigValidator().validate;
  return compiled;
}
