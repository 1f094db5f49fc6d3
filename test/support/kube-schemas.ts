/**
 * Validates Kubernetes objects against the official API schemas kept in
 * test/fixtures/kubernetes-schemas (see SOURCES.md there for origin and version):
 * the Kubernetes OpenAPI (swagger) document for built-in kinds, and the Kubeflow
 * operators' own OpenAPI documents (plus the MPIJob CRD's openAPIV3Schema) for MPIJob
 * and PyTorchJob. Validation is strict like `kubectl apply --validate=strict`: a field
 * the schema does not know is an error.
 *
 * Example: `validateKubernetesObject(job)` returns `[]` for a valid Job, or messages such
 * as `/spec/template/spec/containers/0: must NOT have additional properties (colour)`.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { ErrorObject, ValidateFunction } from "ajv";
import { createAjv } from "../../src/json-schema.js";

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "kubernetes-schemas");
const KUBERNETES_ID = "https://maat.dev/test-schemas/kubernetes.json";
const MPI_ID = "https://maat.dev/test-schemas/mpi-operator.json";
const TRAINING_ID = "https://maat.dev/test-schemas/training-operator.json";
const MPI_CRD_ID = "https://maat.dev/test-schemas/mpijob-crd.json";

type Schema = Record<string, unknown>;
type Swagger = { definitions: Record<string, Schema> };

/** The Kubeflow documents name Kubernetes types by their Go package alias; map them to the official names. */
const KUBERNETES_ALIASES: Record<string, string> = {
  "v1.ObjectMeta": "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
  "v1.ListMeta": "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta",
  "v1.Time": "io.k8s.apimachinery.pkg.apis.meta.v1.Time",
  "v1.LabelSelector": "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
  "v1.PodTemplateSpec": "io.k8s.api.core.v1.PodTemplateSpec",
  "resource.Quantity": "io.k8s.apimachinery.pkg.api.resource.Quantity",
  ".Quantity": "io.k8s.apimachinery.pkg.api.resource.Quantity",
  "k8s.io.api.autoscaling.v2beta2.MetricSpec": "io.k8s.api.autoscaling.v2beta2.MetricSpec",
};

let compiled: Map<string, ValidateFunction> | undefined;

/** Problems with `obj` as a Kubernetes object; empty when it is valid. Compiles the schemas once. */
export function validateKubernetesObject(obj: unknown): string[] {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return ["/: must be an object"];
  const { apiVersion, kind } = obj as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["/: apiVersion and kind must be strings"];
  }
  const validate = validators().get(`${apiVersion}/${kind}`);
  if (validate === undefined) return [`/: no schema for apiVersion "${apiVersion}" kind "${kind}"`];
  if (validate(obj)) return [];
  return (validate.errors ?? []).map(formatError);
}

/** The apiVersion/kind pairs this validator knows, e.g. "batch/v1/Job". */
export function knownKubernetesKinds(): string[] {
  return [...validators().keys()];
}

function validators(): Map<string, ValidateFunction> {
  if (compiled !== undefined) return compiled;
  const ajv = createAjv({ allErrors: true, strict: false, logger: false });
  for (const format of ["int32", "int64", "double", "float", "byte", "int-or-string"])
    ajv.addFormat(format, true);

  const kubernetes = loadKubernetesSwagger();
  ajv.addSchema({ $id: KUBERNETES_ID, definitions: kubernetes.definitions });
  ajv.addSchema({
    $id: MPI_ID,
    definitions: linkToKubernetes(readSwagger("mpi-operator-v2beta1-swagger.json")),
  });
  ajv.addSchema({
    $id: TRAINING_ID,
    definitions: linkToKubernetes(readSwagger("training-operator-v1-swagger.json")),
  });
  ajv.addSchema({ $id: MPI_CRD_ID, ...readJson("mpijob-v2beta1-crd-openapiv3.json") });

  const map = new Map<string, ValidateFunction>();
  for (const [name, definition] of Object.entries(kubernetes.definitions)) {
    for (const gvk of groupVersionKinds(definition)) {
      const apiVersion = gvk.group === "" ? gvk.version : `${gvk.group}/${gvk.version}`;
      const key = `${apiVersion}/${gvk.kind}`;
      // Compiled lazily: most kinds are never asked for.
      map.set(
        key,
        lazy(() => ajv.compile({ $ref: `${KUBERNETES_ID}#/definitions/${name}` })),
      );
    }
  }
  // The MPIJob must satisfy both the operator's Go types and the CRD the API server enforces.
  map.set(
    "kubeflow.org/v2beta1/MPIJob",
    lazy(() =>
      ajv.compile({ allOf: [{ $ref: `${MPI_ID}#/definitions/v2beta1.MPIJob` }, { $ref: MPI_CRD_ID }] }),
    ),
  );
  map.set(
    "kubeflow.org/v1/PyTorchJob",
    lazy(() => ajv.compile({ $ref: `${TRAINING_ID}#/definitions/kubeflow.org.v1.PyTorchJob` })),
  );
  compiled = map;
  return map;
}

function lazy(compile: () => ValidateFunction): ValidateFunction {
  let fn: ValidateFunction | undefined;
  const wrapper = ((data: unknown) => {
    fn ??= compile();
    const ok = fn(data);
    wrapper.errors = fn.errors;
    return ok;
  }) as ValidateFunction;
  return wrapper;
}

function loadKubernetesSwagger(): Swagger {
  const text = gunzipSync(readFileSync(join(SCHEMA_DIR, "kubernetes-swagger-v1.13.json.gz"))).toString(
    "utf8",
  );
  const swagger = JSON.parse(text) as Swagger;
  const definitions: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(swagger.definitions)) definitions[name] = strict(schema);
  // As openapi2jsonschema does: these accept a number or a string ("8080" / 8080, "1" / 1, "500m").
  definitions["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = {
    oneOf: [{ type: "string" }, { type: "integer" }],
  };
  definitions["io.k8s.apimachinery.pkg.api.resource.Quantity"] = {
    oneOf: [{ type: "string" }, { type: "number" }],
  };
  return { definitions };
}

function readSwagger(file: string): Swagger {
  return readJson(file) as unknown as Swagger;
}

function readJson(file: string): Schema {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")) as Schema;
}

/** Strict copies of an operator's definitions whose references to Kubernetes types point at the official ones. */
function linkToKubernetes(swagger: Swagger): Record<string, Schema> {
  const local = new Set(Object.keys(swagger.definitions));
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (typeof node !== "object" || node === null) return node;
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") {
        const name = value.replace("#/definitions/", "");
        const official = KUBERNETES_ALIASES[name];
        out[key] =
          local.has(name) || official === undefined ? value : `${KUBERNETES_ID}#/definitions/${official}`;
      } else {
        out[key] = rewrite(value);
      }
    }
    return out;
  };
  const definitions: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(swagger.definitions)) {
    definitions[name] = strict(rewrite(schema) as Schema);
  }
  return definitions;
}

/** A copy of `schema` where every object with declared properties rejects unknown ones. */
function strict(schema: Schema): Schema {
  const out: Schema = { ...schema };
  if (isSchemaMap(schema.properties)) {
    const properties: Record<string, Schema> = {};
    for (const [key, value] of Object.entries(schema.properties)) properties[key] = strict(value);
    out.properties = properties;
    if (schema.additionalProperties === undefined) out.additionalProperties = false;
  }
  if (isSchema(schema.items)) out.items = strict(schema.items);
  if (isSchema(schema.additionalProperties)) out.additionalProperties = strict(schema.additionalProperties);
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) out[key] = list.map((s) => (isSchema(s) ? strict(s) : s));
  }
  return out;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSchemaMap(value: unknown): value is Record<string, Schema> {
  return isSchema(value) && Object.values(value).every(isSchema);
}

function groupVersionKinds(definition: Schema): { group: string; version: string; kind: string }[] {
  const list = definition["x-kubernetes-group-version-kind"];
  return Array.isArray(list) ? (list as { group: string; version: string; kind: string }[]) : [];
}

function formatError(error: ErrorObject): string {
  const path = error.instancePath === "" ? "/" : error.instancePath;
  const extra =
    error.keyword === "additionalProperties"
      ? ` (${(error.params as { additionalProperty: string }).additionalProperty})`
      : error.keyword === "enum"
        ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")})`
        : "";
  return `${path}: ${error.message ?? error.keyword}${extra}`;
}
