import type { CoreV1Event, V1ContainerStatus, V1Pod } from "@kubernetes/client-node";

/**
 * Pods and events shaped like `kubectl get -o json` output from an EKS cluster (v1.30),
 * trimmed to the fields the diagnosis reads. Timestamps are strings, as on the wire.
 */

const CREATED = "2025-03-04T10:00:00Z";

export function benchmarkPod(overrides: {
  name?: string;
  component?: string;
  phase?: string;
  nodeSelector?: Record<string, string>;
  gpus?: string;
  memoryLimit?: string;
  image?: string;
  container?: string;
  nodeName?: string;
  reason?: string;
  message?: string;
  conditions?: NonNullable<V1Pod["status"]>["conditions"];
  containerStatuses?: V1ContainerStatus[];
  initContainerStatuses?: V1ContainerStatus[];
}): V1Pod {
  const container = overrides.container ?? "benchmark";
  const limits: Record<string, string> = {};
  if (overrides.gpus !== undefined) limits["nvidia.com/gpu"] = overrides.gpus;
  if (overrides.memoryLimit !== undefined) limits.memory = overrides.memoryLimit;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: overrides.name ?? "resnet50-train-3f9a1c2e-x7k2p",
      namespace: "bench",
      creationTimestamp: CREATED as unknown as Date,
      labels: {
        "app.kubernetes.io/managed-by": "maat",
        "maat.dev/run-id": "20250304-3f9a1c2e",
        "maat.dev/component": overrides.component ?? "benchmark",
        "batch.kubernetes.io/job-name": "resnet50-train-3f9a1c2e",
      },
    },
    spec: {
      restartPolicy: "Never",
      ...(overrides.nodeName === undefined ? {} : { nodeName: overrides.nodeName }),
      nodeSelector: overrides.nodeSelector ?? { "node.kubernetes.io/instance-type": "p3.8xlarge" },
      containers: [
        {
          name: container,
          image: overrides.image ?? "123456789012.dkr.ecr.us-east-1.amazonaws.com/resnet:v3",
          ...(Object.keys(limits).length === 0 ? {} : { resources: { limits } }),
        },
      ],
    },
    status: {
      phase: overrides.phase ?? "Pending",
      ...(overrides.reason === undefined ? {} : { reason: overrides.reason }),
      ...(overrides.message === undefined ? {} : { message: overrides.message }),
      conditions: overrides.conditions ?? [],
      ...(overrides.containerStatuses === undefined
        ? {}
        : { containerStatuses: overrides.containerStatuses }),
      ...(overrides.initContainerStatuses === undefined
        ? {}
        : { initContainerStatuses: overrides.initContainerStatuses }),
    },
  };
}

export function terminated(
  name: string,
  exitCode: number,
  reason: string,
  image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/resnet:v3",
): V1ContainerStatus {
  return {
    name,
    image,
    imageID: "",
    ready: false,
    restartCount: 0,
    state: {
      terminated: {
        exitCode,
        reason,
        startedAt: "2025-03-04T10:01:00Z" as unknown as Date,
        finishedAt: "2025-03-04T10:05:30Z" as unknown as Date,
      },
    },
  };
}

export function waiting(
  name: string,
  reason: string,
  message: string | undefined,
  image: string,
): V1ContainerStatus {
  return {
    name,
    image,
    imageID: "",
    ready: false,
    restartCount: 0,
    state: { waiting: { reason, ...(message === undefined ? {} : { message }) } },
  };
}

export function unschedulableCondition(message: string) {
  return [
    {
      type: "PodScheduled",
      status: "False",
      reason: "Unschedulable",
      message,
      lastTransitionTime: CREATED as unknown as Date,
    },
  ];
}

export function podEvent(
  pod: string,
  type: string,
  reason: string,
  message: string,
  at = "2025-03-04T10:00:05Z",
): CoreV1Event {
  return {
    metadata: { name: `${pod}.17f9a${reason.length}`, namespace: "bench" },
    involvedObject: { kind: "Pod", name: pod, namespace: "bench", apiVersion: "v1" },
    type,
    reason,
    message,
    lastTimestamp: at as unknown as Date,
    count: 1,
  };
}
