import { nameProblems } from "./names.js";
import type { ResourceType } from "./resources.js";
import type { StatusCause } from "./status.js";
import type { KubeObject } from "./types.js";

/**
 * The pod spec rules the API server checks in code rather than in its OpenAPI schema:
 * at least one container, each with a DNS-label name (unique) and an image.
 */
export function podSpecCauses(resource: ResourceType, object: KubeObject): StatusCause[] {
  return podSpecsOf(resource, object).flatMap(([path, spec]) => checkPodSpec(path, spec));
}

function podSpecsOf(resource: ResourceType, object: KubeObject): Array<[string, unknown]> {
  const spec = object.spec ?? {};
  switch (resource.plural) {
    case "pods":
      return [["spec", spec]];
    case "jobs":
    case "deployments":
    case "replicasets":
      return [["spec.template.spec", spec.template?.spec]];
    case "mpijobs":
    case "pytorchjobs": {
      const key = resource.plural === "mpijobs" ? "mpiReplicaSpecs" : "pytorchReplicaSpecs";
      return Object.entries((spec[key] ?? {}) as Record<string, { template?: { spec?: unknown } }>).map(
        ([type, replica]) => [`spec.${key}[${type}].template.spec`, replica?.template?.spec],
      );
    }
    default:
      return [];
  }
}

function checkPodSpec(path: string, spec: unknown): StatusCause[] {
  const containers = (spec as { containers?: Array<{ name?: string; image?: string }> } | undefined)
    ?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return [{ reason: "FieldValueRequired", message: "Required value", field: `${path}.containers` }];
  }
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  containers.forEach((container, i) => {
    const field = `${path}.containers[${i}]`;
    if (!container.name) {
      causes.push({ reason: "FieldValueRequired", message: "Required value", field: `${field}.name` });
    } else {
      for (const problem of nameProblems(container.name, "label")) {
        causes.push({
          reason: "FieldValueInvalid",
          message: `Invalid value: "${container.name}": ${problem}`,
          field: `${field}.name`,
        });
      }
      if (seen.has(container.name)) {
        causes.push({
          reason: "FieldValueDuplicate",
          message: `Duplicate value: "${container.name}"`,
          field: `${field}.name`,
        });
      }
      seen.add(container.name);
    }
    if (!container.image)
      causes.push({ reason: "FieldValueRequired", message: "Required value", field: `${field}.image` });
  });
  return causes;
}
