import { explainApiError } from "./api-errors.js";
import type { ClusterApi } from "./cluster-api.js";
import { withOwner } from "./render/index.js";
import { resourceType } from "./resources.js";
import type { Workload } from "./workload.js";

/**
 * Creates the top object, then the others owned by it (its uid exists only now), so deleting
 * the top object removes everything. If an owned object cannot be created the top one is
 * deleted again. Throws a KubernetesApiError that says what was refused.
 */
export async function createWorkload(api: ClusterApi, namespace: string, workload: Workload): Promise<void> {
  const { top } = workload;
  const name = top.metadata.name;
  let uid: string | undefined;
  try {
    uid = (await api.create(top, namespace)).metadata?.uid;
  } catch (error) {
    throw explainApiError(error, { verb: "create", type: workload.type, namespace, name });
  }
  if (uid === undefined) throw new Error(`the API server returned ${top.kind} ${name} without a uid`);
  const owner = { apiVersion: top.apiVersion, kind: top.kind, name, uid };
  for (const object of workload.owned) {
    try {
      await api.create(withOwner(object, owner), namespace);
    } catch (error) {
      await api.delete(workload.type, namespace, name, "Foreground").catch(() => undefined);
      throw explainApiError(error, {
        verb: "create",
        type: resourceType(object.apiVersion, object.kind),
        namespace,
        name: object.metadata.name,
      });
    }
  }
}

/** Deletes the top object and its dependents; Foreground so nothing of the run outlives the call's effect. */
export async function deleteWorkload(
  api: ClusterApi,
  namespace: string,
  workload: Workload,
): Promise<string | undefined> {
  try {
    await api.delete(workload.type, namespace, workload.top.metadata.name, "Foreground");
    return undefined;
  } catch (error) {
    return `could not delete ${workload.noun} ${workload.top.metadata.name}: ${explainApiError(error, { verb: "delete", type: workload.type, namespace }).message}`;
  }
}

/** Removes the inference server's Service and Deployment (they would otherwise hold their node until the Job's TTL). */
export async function deleteOwned(api: ClusterApi, namespace: string, workload: Workload): Promise<string[]> {
  const notes: string[] = [];
  for (const object of [...workload.owned].reverse()) {
    const type = resourceType(object.apiVersion, object.kind);
    try {
      await api.delete(type, namespace, object.metadata.name, "Background");
    } catch (error) {
      notes.push(
        `could not delete ${object.kind} ${object.metadata.name}: ${explainApiError(error, { verb: "delete", type, namespace }).message}`,
      );
    }
  }
  return notes;
}
