import { timestamp } from "../clock.js";
import type { Store } from "../store.js";
import type { KubeObject } from "../types.js";

export type Propagation = "Foreground" | "Background" | "Orphan";

/**
 * Deletes an object and handles its dependents (objects whose ownerReferences name its uid)
 * the way the garbage collector does. Returns the object as the DELETE response shows it:
 * with `deletionTimestamp` and the `foregroundDeletion` finalizer for Foreground, else as it was.
 */
export function deleteWithPropagation(
  store: Store,
  plural: string,
  namespace: string | undefined,
  name: string,
  propagation: Propagation,
): KubeObject | undefined {
  const object = store.get(plural, namespace, name);
  if (object === undefined) return undefined;
  const uid = object.metadata.uid;
  if (propagation === "Foreground") {
    // The owner stays visible, marked for deletion, until its dependents are gone.
    const marked = store.mutate(plural, namespace, name, (o) => {
      o.metadata.deletionTimestamp = timestamp();
      o.metadata.deletionGracePeriodSeconds = 0;
      o.metadata.finalizers = [...(o.metadata.finalizers ?? []), "foregroundDeletion"];
    });
    for (const dependent of dependentsOf(store, uid)) {
      deleteWithPropagation(
        store,
        dependent.plural,
        dependent.object.metadata.namespace,
        dependent.object.metadata.name,
        "Foreground",
      );
    }
    store.remove(plural, namespace, name);
    return marked;
  }
  if (plural === "namespaces") {
    store.mutate(plural, namespace, name, (o) => {
      o.metadata.deletionTimestamp = timestamp();
      o.status = { phase: "Terminating" };
    });
    for (const { plural: p, object: o } of store.all()) {
      if (o.metadata.namespace === name) deleteWithPropagation(store, p, name, o.metadata.name, "Background");
    }
  }
  store.remove(plural, namespace, name);
  for (const dependent of dependentsOf(store, uid)) {
    const { namespace: ns, name: n } = dependent.object.metadata;
    if (propagation === "Orphan") {
      store.mutate(dependent.plural, ns, n, (o) => {
        o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
      });
    } else {
      deleteWithPropagation(store, dependent.plural, ns, n, "Background");
    }
  }
  return object;
}

function dependentsOf(store: Store, uid: string): Array<{ plural: string; object: KubeObject }> {
  return store
    .all()
    .filter(({ object }) => (object.metadata.ownerReferences ?? []).some((r) => r.uid === uid));
}
