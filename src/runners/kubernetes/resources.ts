/** A kind of object the runner creates, watches or reads, as the API server addresses it. */
export interface ResourceType {
  /** "" for the core group (pods, services, events, nodes). */
  group: string;
  version: string;
  kind: string;
  plural: string;
  /** For messages: the Kubeflow operator that serves this custom resource. */
  operator?: string;
}

const TYPES: readonly ResourceType[] = [
  { group: "", version: "v1", kind: "Pod", plural: "pods" },
  { group: "", version: "v1", kind: "Service", plural: "services" },
  { group: "", version: "v1", kind: "ConfigMap", plural: "configmaps" },
  { group: "", version: "v1", kind: "Event", plural: "events" },
  { group: "", version: "v1", kind: "Node", plural: "nodes" },
  { group: "batch", version: "v1", kind: "Job", plural: "jobs" },
  { group: "apps", version: "v1", kind: "Deployment", plural: "deployments" },
  {
    group: "kubeflow.org",
    version: "v2beta1",
    kind: "MPIJob",
    plural: "mpijobs",
    operator: "the Kubeflow MPI operator (https://github.com/kubeflow/mpi-operator)",
  },
  {
    group: "kubeflow.org",
    version: "v1",
    kind: "PyTorchJob",
    plural: "pytorchjobs",
    operator: "the Kubeflow training operator (https://github.com/kubeflow/training-operator)",
  },
];

export const POD = resourceType("v1", "Pod");
export const EVENT = resourceType("v1", "Event");
export const NODE = resourceType("v1", "Node");

/** The resource of `apiVersion`/`kind`; throws for kinds the runner does not handle (a bug). */
export function resourceType(apiVersion: string, kind: string): ResourceType {
  const found = TYPES.find((type) => apiVersionOf(type) === apiVersion && type.kind === kind);
  if (found === undefined) throw new Error(`the Kubernetes runner does not handle ${apiVersion} ${kind}`);
  return found;
}

export function apiVersionOf(type: ResourceType): string {
  return type.group === "" ? type.version : `${type.group}/${type.version}`;
}

/** `/api/v1/namespaces/ns/pods`, `/apis/kubeflow.org/v2beta1/namespaces/ns/mpijobs`. */
export function collectionPath(type: ResourceType, namespace: string): string {
  const root = type.group === "" ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  return `${root}/namespaces/${encodeURIComponent(namespace)}/${type.plural}`;
}

/** How the API server names a resource in messages: `jobs.batch`, `pods`. */
export function qualifiedName(type: ResourceType): string {
  return type.group === "" ? type.plural : `${type.plural}.${type.group}`;
}

/** A custom resource that exists only where its operator's CRD is installed. */
export function isCustomResource(type: ResourceType): boolean {
  return type.operator !== undefined;
}
