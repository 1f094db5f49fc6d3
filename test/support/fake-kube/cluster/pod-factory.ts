import { apiVersionOf, resourceOfKind } from "../resources.js";
import type { KubeObject, Labels, OwnerReference, PodTemplate } from "../types.js";

export interface PodFrom {
  name: string;
  owner: KubeObject;
  /** Labels the controller adds to the template's own. */
  labels?: Labels;
  hostname?: string;
  subdomain?: string;
}

/** A Pending pod from a pod template, owned by `owner`, as a controller creates it. */
export function podFromTemplate(template: PodTemplate, from: PodFrom): KubeObject {
  const spec = structuredClone(template.spec);
  spec.restartPolicy ??= "Always";
  spec.schedulerName ??= "default-scheduler";
  spec.dnsPolicy ??= "ClusterFirst";
  spec.terminationGracePeriodSeconds ??= 30;
  if (from.hostname) spec.hostname = from.hostname;
  if (from.subdomain) spec.subdomain = from.subdomain;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: from.name,
      namespace: from.owner.metadata.namespace,
      labels: { ...template.metadata?.labels, ...from.labels },
      ...(template.metadata?.annotations && { annotations: { ...template.metadata.annotations } }),
      ownerReferences: [controllerReference(from.owner)],
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
    },
    spec,
    status: { phase: "Pending", qosClass: qosClass(template) },
  };
}

export function controllerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether `object`'s controller is `owner`. */
export function ownedBy(object: KubeObject, owner: KubeObject): boolean {
  return (object.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);
}

/** The controller of `object` as plural and name, if it has one the fake serves. */
export function controllerOf(object: KubeObject): { plural: string; name: string } | undefined {
  const ref = (object.metadata.ownerReferences ?? []).find((r) => r.controller);
  const type = ref && resourceOfKind(ref.apiVersion, ref.kind);
  return ref && type ? { plural: type.plural, name: ref.name } : undefined;
}

/** Metadata fields a new object starts with before the store fills in the rest. */
export function newMeta(
  name: string,
  namespace: string | undefined,
  extra: Partial<KubeObject["metadata"]> = {},
) {
  return {
    name,
    ...(namespace !== undefined && { namespace }),
    uid: "",
    resourceVersion: "",
    creationTimestamp: "",
    ...extra,
  };
}

export { apiVersionOf };

function qosClass(template: PodTemplate): string {
  const resources = template.spec.containers.map((c) => c.resources ?? {});
  if (resources.every((r) => !r.requests && !r.limits)) return "BestEffort";
  const guaranteed = resources.every(
    (r) => r.limits && (!r.requests || JSON.stringify(r.requests) === JSON.stringify(r.limits)),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}
