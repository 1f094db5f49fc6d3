import { matchesLabelSelector } from "../selectors.js";
import type { KubeObject, Labels } from "../types.js";
import { isTerminal } from "./pod-status.js";

export interface NodeSeed {
  name: string;
  instanceType?: string;
  zone?: string;
  /** Allocatable `nvidia.com/gpu`; 0 leaves the resource out. */
  gpus?: number;
  labels?: Labels;
}

/** A small EKS-like cluster: one CPU node and two GPU nodes in different zones. */
export const DEFAULT_NODES: readonly NodeSeed[] = [
  { name: "ip-10-0-1-10.ec2.internal", instanceType: "m5.2xlarge", zone: "us-east-1a", gpus: 0 },
  { name: "ip-10-0-2-20.ec2.internal", instanceType: "g5.12xlarge", zone: "us-east-1b", gpus: 4 },
  { name: "ip-10-0-3-30.ec2.internal", instanceType: "p4d.24xlarge", zone: "us-east-1c", gpus: 8 },
];

export function nodeObject(seed: NodeSeed, index: number): KubeObject {
  const gpus = seed.gpus ?? 0;
  const resources = {
    cpu: "8",
    memory: "32Gi",
    pods: "110",
    "ephemeral-storage": "100Gi",
    ...(gpus > 0 && { "nvidia.com/gpu": String(gpus) }),
  };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: seed.name,
      labels: {
        "kubernetes.io/hostname": seed.name,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "node.kubernetes.io/instance-type": seed.instanceType ?? "m5.2xlarge",
        "topology.kubernetes.io/zone": seed.zone ?? "us-east-1a",
        "topology.kubernetes.io/region": "us-east-1",
        ...seed.labels,
      },
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
    },
    spec: { providerID: `aws:///${seed.zone ?? "us-east-1a"}/i-0${index}` },
    status: {
      capacity: resources,
      allocatable: resources,
      addresses: [{ type: "InternalIP", address: nodeIP(index) }],
      conditions: [
        { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" },
      ],
      nodeInfo: {
        kubeletVersion: "v1.30.0-eks",
        osImage: "Amazon Linux 2",
        architecture: "amd64",
        operatingSystem: "linux",
      },
    },
  };
}

export function nodeIP(index: number): string {
  return `10.0.${index + 1}.${10 * (index + 1)}`;
}

/**
 * The node the scheduler would pick for `pod` (nodeSelector, required node affinity, GPUs),
 * or the FailedScheduling message saying why none fits.
 */
export function pickNode(
  pod: KubeObject,
  nodes: KubeObject[],
  pods: KubeObject[],
): { node: KubeObject } | { message: string } {
  const reasons = new Map<string, number>();
  for (const node of nodes) {
    const reason = whyNot(pod, node, pods);
    if (reason === undefined) return { node };
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const parts = [...reasons].map(([reason, count]) => `${count} ${reason}`).sort();
  return { message: `0/${nodes.length} nodes are available: ${parts.join(", ")}.` };
}

function whyNot(pod: KubeObject, node: KubeObject, pods: KubeObject[]): string | undefined {
  const labels = node.metadata.labels;
  const selector = (pod.spec.nodeSelector ?? {}) as Labels;
  const terms = (pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    ?.nodeSelectorTerms ?? []) as {
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  }[];
  const affinityOk =
    terms.length === 0 ||
    terms.some((t) => matchesLabelSelector({ matchExpressions: t.matchExpressions ?? [] }, labels));
  if (!matchesLabelSelector({ matchLabels: selector }, labels) || !affinityOk) {
    return "node(s) didn't match Pod's node affinity/selector";
  }
  const allocatable = Number(node.status.allocatable["nvidia.com/gpu"] ?? 0);
  const used = pods
    .filter(
      (p) => p.spec.nodeName === node.metadata.name && !isTerminal(p) && p.metadata.uid !== pod.metadata.uid,
    )
    .reduce((sum, p) => sum + gpusOf(p), 0);
  if (gpusOf(pod) > allocatable - used) return "Insufficient nvidia.com/gpu";
  return undefined;
}

function gpusOf(pod: KubeObject): number {
  let total = 0;
  for (const c of pod.spec.containers ?? []) {
    total += Number(
      c.resources?.limits?.["nvidia.com/gpu"] ?? c.resources?.requests?.["nvidia.com/gpu"] ?? 0,
    );
  }
  return total;
}
