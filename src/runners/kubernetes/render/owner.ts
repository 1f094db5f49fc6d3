import type { KubernetesObject } from "./types.js";

export interface Owner {
  apiVersion: string;
  kind: string;
  name: string;
  /** Known only once the owner exists in the cluster (the create response's metadata.uid). */
  uid: string;
}

/**
 * A copy of `object` owned by `owner`, so deleting the owner deletes it (Kubernetes
 * garbage collection). Rendering cannot do this: the owner's UID exists only after it
 * is created. The runner creates the owner first, then applies this to the others.
 */
export function withOwner<T extends KubernetesObject>(object: T, owner: Owner): T {
  const reference = {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.name,
    uid: owner.uid,
    blockOwnerDeletion: true,
  };
  const others = (object.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.uid);
  return { ...object, metadata: { ...object.metadata, ownerReferences: [...others, reference] } };
}
