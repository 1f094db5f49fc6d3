import type { ClusterApi } from "./cluster-api.js";
import { INSTANCE_TYPE_LABEL } from "./render/pod.js";

/** Instance types of nodes, read once per node from their `node.kubernetes.io/instance-type` label. */
export interface NodeCatalog {
  describe(names: string[]): Promise<Array<{ name: string; instanceType?: string }>>;
}

/**
 * Reading nodes needs a cluster-wide permission a namespaced CI account often lacks; then
 * the instance type is simply unknown, never an error.
 */
export function createNodeCatalog(api: ClusterApi): NodeCatalog {
  const known = new Map<string, Promise<string | undefined>>();
  const instanceTypeOf = (name: string) => {
    let found = known.get(name);
    if (found === undefined) {
      found = api.readNode(name).then(
        (node) => node.metadata?.labels?.[INSTANCE_TYPE_LABEL],
        () => undefined,
      );
      known.set(name, found);
    }
    return found;
  };
  return {
    async describe(names) {
      return Promise.all(
        [...new Set(names)].map(async (name) => {
          const instanceType = await instanceTypeOf(name);
          return instanceType === undefined ? { name } : { name, instanceType };
        }),
      );
    },
  };
}
