import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { type OpenApiDocument, type OpenApiOperation, type ParameterObject, resolveRef } from "./spec.js";
import { toJsonSchema } from "./to-json-schema.js";

// ajv-formats is CommonJS: NodeNext types the default import as the module object, and at run
// time `module.exports.default` is the plugin too, so `.default` is right for both.
const addFormats = addFormatsModule.default;

/** One thing wrong with a request or response, in words a test failure can show. */
export interface Problem {
  in: "path" | "query" | "header" | "body" | "response";
  field: string;
  message: string;
}

export interface CheckedRequest {
  problems: Problem[];
  /** Path and query parameters coerced to their schema types, with schema defaults filled in. */
  params: Record<string, unknown>;
}

/**
 * Compiles and caches ajv validators per operation, only for operations that are actually hit:
 * the whole document has hundreds of operations and compiling them all would take seconds.
 */
export class OperationValidators {
  readonly #spec: OpenApiDocument;
  readonly #strict = newAjv({});
  readonly #coercing = newAjv({ coerceTypes: true, useDefaults: true });
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(spec: OpenApiDocument) {
    this.#spec = spec;
  }

  checkRequest(
    operation: OpenApiOperation,
    pathParams: Record<string, string>,
    query: URLSearchParams,
    body: { present: boolean; value: unknown },
  ): CheckedRequest {
    const problems: Problem[] = [];
    const parameters = (operation.parameters ?? []).map((p) => resolveRef<ParameterObject>(this.#spec, p));
    const params: Record<string, unknown> = {};
    for (const where of ["path", "query"] as const) {
      const declared = parameters.filter((p) => p.in === where);
      const raw: Record<string, unknown> = {};
      if (where === "path") Object.assign(raw, pathParams);
      else {
        for (const [name, value] of query) {
          if (!declared.some((p) => p.name === name)) {
            problems.push({ in: "query", field: name, message: `unknown query parameter '${name}'` });
          } else raw[name] = value;
        }
      }
      const validate = this.#compile(`${operation.operationId} ${where}`, this.#coercing, () => ({
        type: "object",
        properties: Object.fromEntries(
          declared.map((p) => [p.name, toJsonSchema(this.#spec, p.schema ?? {})]),
        ),
        required: declared.filter((p) => p.required).map((p) => p.name),
      }));
      if (!validate(raw)) problems.push(...toProblems(where, validate.errors));
      Object.assign(params, raw);
    }
    problems.push(...this.#checkBody(operation, body));
    return { problems, params };
  }

  /** Checks a body the fake is about to send; problems mean a factory left out a required field. */
  checkResponse(operation: OpenApiOperation, status: number, body: unknown): Problem[] {
    const response = operation.responses[String(status)];
    if (!response) {
      return [
        {
          in: "response",
          field: "status",
          message: `status ${status} is not documented for ${operation.operationId}`,
        },
      ];
    }
    const schema = resolveRef(this.#spec, response).content?.["application/json"]?.schema;
    if (!schema) {
      return body === undefined
        ? []
        : [{ in: "response", field: "", message: `${status} should have no body` }];
    }
    const validate = this.#compile(`${operation.operationId} response ${status}`, this.#strict, () =>
      toJsonSchema(this.#spec, schema),
    );
    return validate(body) ? [] : toProblems("response", validate.errors);
  }

  #checkBody(operation: OpenApiOperation, body: { present: boolean; value: unknown }): Problem[] {
    const schema = operation.requestBody?.content["application/json"]?.schema;
    if (!schema) {
      return body.present ? [{ in: "body", field: "", message: "this operation takes no request body" }] : [];
    }
    if (!body.present) {
      return operation.requestBody?.required
        ? [{ in: "body", field: "", message: "a request body is required" }]
        : [];
    }
    const validate = this.#compile(`${operation.operationId} body`, this.#strict, () =>
      toJsonSchema(this.#spec, schema),
    );
    const problems = validate(body.value) ? [] : toProblems("body", validate.errors);
    // GitHub silently ignores unknown fields; a fake that rejects them catches typos like `stateReason`.
    const known = schema.properties as Record<string, unknown> | undefined;
    if (known && isRecord(body.value)) {
      for (const key of Object.keys(body.value)) {
        if (!(key in known)) problems.push({ in: "body", field: key, message: `unknown field '${key}'` });
      }
    }
    return problems;
  }

  #compile(key: string, ajv: Ajv, build: () => object): ValidateFunction {
    let validate = this.#cache.get(key);
    if (!validate) {
      validate = ajv.compile(build());
      this.#cache.set(key, validate);
    }
    return validate;
  }
}

function newAjv(options: { coerceTypes?: boolean; useDefaults?: boolean }): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false, ...options });
  addFormats(ajv);
  return ajv;
}

function toProblems(where: Problem["in"], errors: ErrorObject[] | null | undefined): Problem[] {
  return (errors ?? []).map((e) => ({
    in: where,
    field: e.instancePath.replace(/^\//, "").replaceAll("/", ".") || String(e.params.missingProperty ?? ""),
    message: `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}${e.params.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ""}`,
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
