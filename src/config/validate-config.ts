import type { ErrorObject } from "ajv";
import { closest, distance } from "fastest-levenshtein";
import schema from "../../schema/config.schema.json" with { type: "json" };
import { durationLimitProblem, durationMs } from "../duration.js";
import { configValidator } from "./config-validator.js";
import { findTomlPosition, formatTomlPath, type TomlPath, type TomlPosition } from "./toml-locations.js";
import type { ConfigProblem } from "./types.js";

/** Checks a parsed `maat.toml` against schema/config.schema.json plus the rules a schema cannot say. */
export function validateConfigValue(
  value: unknown,
  file: string,
  positions: Map<string, TomlPosition>,
): ConfigProblem[] {
  const problem = (path: TomlPath, message: string, hint?: string): ConfigProblem => {
    const position = findTomlPosition(positions, path);
    return {
      file,
      ...position,
      field: formatTomlPath(path),
      message,
      ...(hint === undefined ? {} : { hint }),
    };
  };
  const validateSchema = configValidator();
  if (!validateSchema(value)) {
    return keepOuterErrors(validateSchema.errors ?? []).map((error) => {
      const path = instancePath(error);
      if (error.keyword === "additionalProperties") {
        const key = String(error.params.additionalProperty);
        return problem([...path, key], `unknown key \`${key}\``, suggestKey(key, error.parentSchema));
      }
      if (error.keyword === "required") {
        return problem(path, `missing required key \`${String(error.params.missingProperty)}\``);
      }
      return problem(path, describeError(error, path));
    });
  }
  const problems: ConfigProblem[] = [];
  const rules = (value as { runners?: { rules?: Array<Record<string, unknown>> } }).runners?.rules ?? [];
  rules.forEach((rule, index) => {
    if (rule.instance_type === undefined && rule.instance_types === undefined) {
      problems.push(
        problem(
          ["runners", "rules", index],
          "a runner rule needs `instance_type` or `instance_types`",
          'for example instance_type = "p3.*"',
        ),
      );
    }
  });
  const raw = value as Record<string, Record<string, unknown> | undefined>;
  const durations: Array<[string, string]> = [
    ["run", "timeout"],
    ["schedule", "grace"],
    ["kubernetes", "scheduling_timeout"],
  ];
  for (const [table, key] of durations) {
    const ms = durationMs(raw[table]?.[key]);
    const tooLong = ms === undefined ? undefined : durationLimitProblem(ms);
    if (tooLong !== undefined) problems.push(problem([table, key], tooLong));
  }
  return problems;
}

/** `oneOf` reports each failed branch too; the user only needs the outer sentence. */
function keepOuterErrors(errors: ErrorObject[]): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === "oneOf").map((e) => e.schemaPath);
  return errors.filter(
    (e) => e.keyword === "oneOf" || !oneOfs.some((outer) => e.schemaPath.startsWith(`${outer}/`)),
  );
}

function instancePath(error: ErrorObject): TomlPath {
  if (error.instancePath === "") return [];
  return error.instancePath
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((part) => (/^[0-9]+$/.test(part) ? Number(part) : part));
}

function describeError(error: ErrorObject, path: TomlPath): string {
  const last = path.at(-1);
  if (error.keyword === "oneOf" && (last === "timeout" || last === "grace")) {
    return 'must be seconds (an integer) or a duration such as "90s", "30m", "2h"';
  }
  if (error.keyword === "oneOf" && last === "repetitions") return 'must be a positive integer or "auto"';
  if (error.keyword === "enum") {
    const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
    return `must be one of ${allowed}, not ${JSON.stringify(error.data)}`;
  }
  return error.message ?? "is not valid";
}

/** "did you mean `max_runs`?" from the keys allowed where the unknown one was written. */
function suggestKey(key: string, parentSchema: unknown): string | undefined {
  const known = Object.keys((parentSchema as { properties?: object } | undefined)?.properties ?? {});
  if (known.length > 0) {
    const nearest = closest(key, known);
    if (distance(key, nearest) <= Math.max(2, Math.floor(key.length / 3)))
      return `did you mean \`${nearest}\`?`;
  }
  const home = Object.entries(schema.properties).find(
    ([, table]) => "properties" in table && Object.hasOwn(table.properties, key),
  );
  if (home) return `\`${key}\` belongs in the [${home[0]}] table`;
  return known.length > 0 ? `known keys here: ${known.join(", ")}` : undefined;
}
