import { labelProblems, type NameRule, nameProblems } from "./names.js";
import { podSpecCauses } from "./pod-spec-checks.js";
import type { ResourceType } from "./resources.js";
import { matchesLabelSelector } from "./selectors.js";
import type { StatusCause } from "./status.js";
import type { KubeObject } from "./types.js";

/** Checks an object against the schemas: `[]` when valid, else messages like `/spec/x: must be integer`. */
export type SchemaValidator = (object: unknown) => string[];

const NAME_RULES: Record<string, NameRule> = { namespaces: "label", services: "dns1035" };
const CONFIGMAP_LIMIT = 1024 * 1024;

/** Why the API server would reject `object` on create or update, as `Status` causes. */
export function validateObject(
  resource: ResourceType,
  object: KubeObject,
  schema: SchemaValidator,
): StatusCause[] {
  return [
    ...metadataCauses(resource, object),
    ...schema(object).map((message) => schemaCause(message, object)),
    ...podSpecCauses(resource, object),
    ...kindCauses(resource, object),
  ];
}

function metadataCauses(resource: ResourceType, object: KubeObject): StatusCause[] {
  const { name, labels } = object.metadata;
  const causes: StatusCause[] = [];
  for (const problem of nameProblems(name, NAME_RULES[resource.plural] ?? "subdomain")) {
    causes.push(invalidValue("metadata.name", name, problem));
  }
  // Job names become a label value (`job-name`), so the label limit applies to them too.
  if (resource.plural === "jobs" && name.length > 63) {
    causes.push(invalidValue("metadata.name", name, "must be no more than 63 characters"));
  }
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const problem of labelProblems(key, String(value)))
      causes.push(invalidValue("metadata.labels", value, problem));
  }
  return causes;
}

function kindCauses(resource: ResourceType, object: KubeObject): StatusCause[] {
  if (resource.plural === "jobs") {
    const policy = object.spec?.template?.spec?.restartPolicy ?? "Always";
    if (policy !== "Never" && policy !== "OnFailure") {
      return [
        {
          reason: "FieldValueNotSupported",
          message: `Unsupported value: "${policy}": supported values: "OnFailure", "Never"`,
          field: "spec.template.spec.restartPolicy",
        },
      ];
    }
  }
  if (resource.plural === "deployments" && object.spec?.selector) {
    const labels = object.spec.template?.metadata?.labels;
    if (!matchesLabelSelector(object.spec.selector, labels)) {
      return [
        invalidValue(
          "spec.template.metadata.labels",
          labels ?? {},
          "`selector` does not match template `labels`",
        ),
      ];
    }
  }
  if (resource.plural === "configmaps") {
    const size = JSON.stringify(object.data ?? {}).length + JSON.stringify(object.binaryData ?? {}).length;
    if (size > CONFIGMAP_LIMIT) {
      return [
        {
          reason: "FieldValueTooLong",
          message: `Too long: must have at most ${CONFIGMAP_LIMIT} bytes`,
          field: "[]",
        },
      ];
    }
  }
  return [];
}

function invalidValue(field: string, value: unknown, problem: string): StatusCause {
  return {
    reason: "FieldValueInvalid",
    message: `Invalid value: ${JSON.stringify(value)}: ${problem}`,
    field,
  };
}

/** Turns a schema message (`/spec/containers/0: must have required property 'image'`) into a cause. */
function schemaCause(message: string, object: KubeObject): StatusCause {
  const split = message.indexOf(": ");
  const pointer = split === -1 ? "/" : message.slice(0, split);
  const text = split === -1 ? message : message.slice(split + 2);
  const segments = pointer.split("/").filter((s) => s !== "");
  const required = /^must have required property '([^']+)'/.exec(text);
  if (required) {
    return {
      reason: "FieldValueRequired",
      message: "Required value",
      field: fieldPath([...segments, required[1]!]),
    };
  }
  const unknown = /^must NOT have additional properties \((.+)\)$/.exec(text);
  if (unknown) {
    return {
      reason: "FieldValueInvalid",
      message: `unknown field "${unknown[1]}"`,
      field: fieldPath([...segments, unknown[1]!]),
    };
  }
  const value = valueAt(object, segments);
  const reason = text.startsWith("must be equal to one of") ? "FieldValueNotSupported" : "FieldValueInvalid";
  return {
    reason,
    message: `Invalid value: ${JSON.stringify(value) ?? "null"}: ${text}`,
    field: fieldPath(segments),
  };
}

/** `["spec", "containers", "0", "image"]` -> `spec.containers[0].image`, as the API server writes fields. */
function fieldPath(segments: string[]): string {
  let out = "";
  for (const segment of segments) {
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  }
  return out === "" ? "<root>" : out;
}

function valueAt(object: unknown, segments: string[]): unknown {
  let node = object;
  for (const segment of segments) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return node;
}
