/** The resource types the fake serves, as the API server's discovery names them. */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  /** Served only while the CRD is installed (`options.installedCrds`). */
  crd?: "mpijobs" | "pytorchjobs";
  /** What a DELETE without propagationPolicy does; batch/v1 Jobs orphan their pods by default. */
  defaultPropagation?: "Orphan" | "Background";
}

function type(
  group: string,
  version: string,
  kind: string,
  plural: string,
  extra: Partial<ResourceType> = {},
): ResourceType {
  return { group, version, kind, plural, singular: kind.toLowerCase(), namespaced: true, ...extra };
}

export const RESOURCES: readonly ResourceType[] = [
  type("", "v1", "Namespace", "namespaces", { namespaced: false }),
  type("", "v1", "Node", "nodes", { namespaced: false }),
  type("", "v1", "Pod", "pods"),
  type("", "v1", "Service", "services"),
  type("", "v1", "ConfigMap", "configmaps"),
  type("", "v1", "Secret", "secrets"),
  type("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
  type("", "v1", "Event", "events"),
  type("batch", "v1", "Job", "jobs", { defaultPropagation: "Orphan" }),
  type("apps", "v1", "Deployment", "deployments"),
  type("apps", "v1", "ReplicaSet", "replicasets"),
  type("kubeflow.org", "v2beta1", "MPIJob", "mpijobs", { crd: "mpijobs" }),
  type("kubeflow.org", "v1", "PyTorchJob", "pytorchjobs", { crd: "pytorchjobs" }),
];

export function apiVersionOf(resource: ResourceType): string {
  return resource.group === "" ? resource.version : `${resource.group}/${resource.version}`;
}

/** The resource served at `/api(s)/<group>/<version>/.../<plural>`, if any. */
export function findResource(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

/** The resource with this plural name (plurals are unique in the fake), e.g. `resource("jobs")`. */
export function resource(plural: string): ResourceType {
  const found = RESOURCES.find((r) => r.plural === plural);
  if (found === undefined) throw new Error(`fake-kube serves no resource "${plural}"`);
  return found;
}

/** The resource of an object by its apiVersion and kind, as ownerReferences name it. */
export function resourceOfKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
}

/** `jobs.batch`, `pods`: how the API server names a resource in messages. */
export function qualifiedName(resource: ResourceType): string {
  return resource.group === "" ? resource.plural : `${resource.plural}.${resource.group}`;
}
