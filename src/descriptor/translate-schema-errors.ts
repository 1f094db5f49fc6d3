import type { ErrorObject } from "ajv/dist/2020.js";
import { describeTypes, describeValue } from "./describe-value.js";
import { formatFieldPath, type Segment } from "./field-path.js";
import type { DescriptorProblem } from "./problem.js";
import type { Locator } from "./read-toml.js";
import { suggestClosest } from "./suggest.js";
import { descriptorSchema } from "./validate-schema.js";

type Schema = Record<string, unknown>;

interface Context {
  file: string;
  data: unknown;
  sourceMap: Locator;
}

/**
 * Turns ajv's errors into one problem per field, worded for the person editing the TOML
 * and pointing at the line they wrote. oneOf noise is collapsed to the branch the value meant.
 */
export function translateSchemaErrors(errors: ErrorObject[], context: Context): DescriptorProblem[] {
  const problems: DescriptorProblem[] = [];
  const seen = new Set<string>();
  for (const error of collapseAlternatives(errors)) {
    if (error.keyword === "propertyNames" || error.keyword === "if") continue;
    const problem = translate(error, context);
    if (seen.has(problem.field)) continue;
    seen.add(problem.field);
    problems.push(problem);
  }
  return problems;
}

/** Keeps, for each oneOf/anyOf, only the errors of the one branch whose type fits the value. */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const alternative of errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")) {
    const branches = Array.isArray(alternative.schema) ? (alternative.schema as Schema[]) : [];
    const fitting = branches.flatMap((branch, i) => (typeFits(branch.type, alternative.data) ? [i] : []));
    const base = `${alternative.schemaPath}/`;
    const chosen = fitting.length === 1 ? `${base}${fitting[0]}/` : undefined;
    const at = alternative.instancePath;
    kept = kept.filter((e) => {
      if (e === alternative) return chosen === undefined;
      const deeper = e.instancePath.startsWith(`${at}/`);
      if (e.instancePath !== at && !deeper) return true;
      // ajv starts schemaPath afresh inside each $ref: a deeper error not under `base` came from a $ref in a branch.
      const fromRef = deeper && !e.schemaPath.startsWith(base);
      if (!e.schemaPath.startsWith(base) && !fromRef) return true;
      return chosen !== undefined && (fromRef || e.schemaPath.startsWith(chosen));
    });
  }
  return kept;
}

function typeFits(type: unknown, value: unknown): boolean {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    if (t === "integer") return Number.isInteger(value);
    if (t === "array") return Array.isArray(value);
    if (t === "object") return isTable(value);
    return typeof value === t;
  });
}

function translate(error: ErrorObject, context: Context): DescriptorProblem {
  const path = segmentsOf(error.instancePath, context.data);
  const parent = (error.parentSchema ?? {}) as Schema;
  const params = error.params as Record<string, unknown>;
  const at = (field: Segment[], anchor: "value" | "key" | "header", message: string): DescriptorProblem => {
    const { line, column } = context.sourceMap.locate(field, anchor);
    return { file: context.file, line, column, field: formatFieldPath(field), message };
  };
  const got = `got ${describeValue(error.data)}`;
  const expected = typeof parent["x-expected"] === "string" ? parent["x-expected"] : undefined;

  if (error.keyword === "required") {
    const missing = String(params.missingProperty);
    return at([...path, missing], "header", `is required (${whereToAdd(path, missing, parent)})`);
  }
  if (error.keyword === "additionalProperties") {
    const key = String(params.additionalProperty);
    const known = Object.keys((parent.properties ?? {}) as Schema);
    const suggestion = suggestClosest(key, known);
    const fix = suggestion ? `did you mean "${suggestion}"?` : `allowed keys: ${known.join(", ")}`;
    return at([...path, key], "key", `unknown key (${fix})`);
  }
  if (error.propertyName !== undefined) {
    const name = error.propertyName;
    return at(
      [...path, name],
      "key",
      `invalid name: must be ${expected ?? "a valid name"} (got ${JSON.stringify(name)})`,
    );
  }
  if (error.keyword === "type") {
    return at(path, "value", `must be ${expected ?? describeTypes(params.type)} (${got})`);
  }
  if (error.keyword === "enum" || error.keyword === "const") {
    return at(path, "value", enumMessage(error, parent, got));
  }
  if (error.keyword === "oneOf" || error.keyword === "anyOf") {
    return at(path, "value", `must be ${expected ?? "one of the allowed forms"} (${got})`);
  }
  const fallback = (error.message ?? "is invalid").replace(/^must /, "");
  return at(path, "value", `must ${expected ? `be ${expected}` : fallback} (${got})`);
}

function enumMessage(error: ErrorObject, parent: Schema, got: string): string {
  const params = error.params as Record<string, unknown>;
  const aliases = (parent["x-aliases"] ?? {}) as Schema;
  const values =
    error.keyword === "const" ? [params.allowedValue] : ((params.allowedValues ?? []) as unknown[]);
  const allowed = values.map(String).filter((v) => !(v in aliases));
  const suggestion = typeof error.data === "string" ? suggestClosest(error.data, allowed) : undefined;
  const mean = suggestion ? `; did you mean "${suggestion}"?` : "";
  const list = allowed.length === 1 ? JSON.stringify(allowed[0]) : `one of ${allowed.join(", ")}`;
  return `must be ${list} (${got}${mean})`;
}

function whereToAdd(path: Segment[], missing: string, parent: Schema): string {
  const property = resolveRef(((parent.properties ?? {}) as Schema)[missing]);
  const isTableField = property?.type === "object";
  const tableName = formatFieldPath(path.filter((s) => typeof s === "string"));
  if (isTableField) {
    const name = formatFieldPath([...path.filter((s) => typeof s === "string"), missing]);
    return `add the [${name}] table`;
  }
  if (path.length === 0) return "add it at the top of the file, before any [table]";
  if (typeof path[path.length - 1] === "number") return `add it to this [[${tableName}]] entry`;
  return `add it under [${tableName}]`;
}

function resolveRef(schema: unknown): Schema | undefined {
  if (!isTable(schema)) return undefined;
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return schema;
  const defs = descriptorSchema.$defs as Schema;
  return defs[ref.slice("#/$defs/".length)] as Schema | undefined;
}

/** "/output/metrics/1/pattern" -> ["output", "metrics", 1, "pattern"], telling indexes from keys by the data. */
function segmentsOf(instancePath: string, data: unknown): Segment[] {
  if (instancePath === "") return [];
  const segments: Segment[] = [];
  let current: unknown = data;
  for (const raw of instancePath.slice(1).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const segment: Segment = Array.isArray(current) ? Number(key) : key;
    segments.push(segment);
    current =
      isTable(current) || Array.isArray(current) ? (current as Record<string, unknown>)[key] : undefined;
  }
  return segments;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
