import type { BackendInfo } from "../../results/receipt-types.js";

/** Where one repetition ran: the cluster, its namespace and the nodes its pods were placed on. */
export type ClusterPlacement = NonNullable<BackendInfo["cluster"]>;

/**
 * The receipt's `backend` for runs on Kubernetes: the cluster and namespace, and every node
 * (with its instance type when readable) that any of the repetitions used.
 *
 * Example: `kubernetesBackendInfo([{ context: "eks", namespace: "bench", nodes: [{ name: "ip-10-0-1-5", instanceType: "p3.8xlarge" }] }])`.
 */
export function kubernetesBackendInfo(placements: ClusterPlacement[]): BackendInfo {
  const first = placements[0] ?? {};
  const nodes = new Map<string, { name: string; instanceType?: string }>();
  for (const placement of placements) {
    for (const node of placement.nodes ?? []) {
      const seen = nodes.get(node.name);
      if (seen === undefined || seen.instanceType === undefined) nodes.set(node.name, node);
    }
  }
  const cluster: ClusterPlacement = {
    ...(first.context === undefined ? {} : { context: first.context }),
    ...(first.server === undefined ? {} : { server: first.server }),
    ...(first.namespace === undefined ? {} : { namespace: first.namespace }),
    nodes: [...nodes.values()],
  };
  return { kind: "kubernetes", dockerImageUsed: true, cluster };
}
