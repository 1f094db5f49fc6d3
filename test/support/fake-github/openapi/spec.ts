import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The slice of an OpenAPI 3.0 document the fake server reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters: Record<string, ParameterObject>;
    responses: Record<string, ResponseObject>;
    examples: Record<string, { value: unknown }>;
  };
}

export type SchemaObject = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: SchemaObject;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, { schema?: SchemaObject }>;
  $ref?: string;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: Array<ParameterObject | { $ref: string }>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: SchemaObject }> };
  responses: Record<string, ResponseObject>;
}

let cached: OpenApiDocument | undefined;

/**
 * GitHub's own description of api.github.com, loaded once per process: the file is 13 MB and
 * every fake server in a test file shares it. The non-dereferenced variant keeps `$ref`s, so
 * validators only compile the components an operation actually reaches.
 */
export function loadGitHubSpec(): OpenApiDocument {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
    cached = JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument;
  }
  return cached;
}

/** Follows a local `#/components/...` reference inside the document. */
export function resolveRef<T>(spec: OpenApiDocument, value: T | { $ref: string }): T {
  let current: unknown = value;
  while (current && typeof current === "object" && "$ref" in current) {
    const ref = (current as { $ref: string }).$ref;
    const path = ref.replace(/^#\//, "").split("/");
    current = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec);
    if (current === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return current as T;
}
