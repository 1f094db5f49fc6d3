import type { OpenApiDocument, SchemaObject } from "./spec.js";

const COMPONENT_REF = "#/components/schemas/";

// Keywords that only document a schema; dropping them keeps ajv quiet and the bundles small.
const ANNOTATIONS = new Set([
  "description",
  "example",
  "examples",
  "discriminator",
  "externalDocs",
  "xml",
  "title",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/**
 * Turns an OpenAPI 3.0 schema into a self-contained JSON Schema (draft-07) for ajv:
 * `#/components/schemas/X` references become `#/definitions/X` (bundled transitively) and
 * `nullable: true` becomes an explicit `null` alternative, since draft-07 has no such keyword.
 */
export function toJsonSchema(spec: OpenApiDocument, schema: SchemaObject): SchemaObject {
  const definitions: Record<string, SchemaObject> = {};
  const pending: string[] = [];
  const convert = (node: SchemaObject): SchemaObject =>
    convertSchema(node, (name) => {
      if (!(name in definitions) && !pending.includes(name)) pending.push(name);
    });
  const root = convert(schema);
  while (pending.length > 0) {
    const name = pending.shift()!;
    const component = spec.components.schemas[name];
    if (!component) throw new Error(`unknown schema component ${name}`);
    definitions[name] = {}; // reserve first so recursive references do not loop
    definitions[name] = convert(component);
  }
  return Object.keys(definitions).length > 0 ? { ...root, definitions } : root;
}

function convertSchema(node: SchemaObject, onRef: (name: string) => void): SchemaObject {
  if (typeof node.$ref === "string") {
    if (!node.$ref.startsWith(COMPONENT_REF)) throw new Error(`unsupported $ref ${node.$ref}`);
    const name = node.$ref.slice(COMPONENT_REF.length);
    onRef(name);
    const ref = { $ref: `#/definitions/${name}` };
    return node.nullable === true ? { anyOf: [{ type: "null" }, ref] } : ref;
  }
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-") || key === "nullable") continue;
    out[key] = convertKeyword(key, value, onRef);
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: "null" }, out] };
}

function convertKeyword(key: string, value: unknown, onRef: (name: string) => void): unknown {
  const sub = (v: unknown) => (isSchema(v) ? convertSchema(v, onRef) : v);
  switch (key) {
    case "properties":
    case "patternProperties":
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, schema]) => [name, sub(schema)]),
      );
    case "items":
    case "additionalProperties":
    case "not":
      return sub(value);
    case "allOf":
    case "anyOf":
    case "oneOf":
      return (value as unknown[]).map(sub);
    default:
      return value;
  }
}

function isSchema(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
