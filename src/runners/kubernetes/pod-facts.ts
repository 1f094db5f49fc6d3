import type { CoreV1Event, V1ContainerStatus, V1Pod } from "@kubernetes/client-node";
import { timeOf } from "./cluster-api.js";
import { COMPONENT_LABEL } from "./render/metadata.js";

/** Pure readers of pod status and events shared by the diagnoses. */

export function podName(pod: V1Pod): string {
  return pod.metadata?.name ?? "(unnamed pod)";
}

export function componentOf(pod: V1Pod): string | undefined {
  return pod.metadata?.labels?.[COMPONENT_LABEL];
}

/** The pod's part in the run, for messages: "the benchmark", "the inference server", "the worker". */
export function roleOf(pod: V1Pod, benchmarkComponent: string): string {
  const component = componentOf(pod);
  if (component === benchmarkComponent) return "the benchmark";
  if (component === "server") return "the inference server";
  return `the ${component ?? "pod"}`;
}

/** The pods of a component, oldest first (a retried Job has several). */
export function podsOf(pods: V1Pod[], component: string): V1Pod[] {
  return pods
    .filter((pod) => componentOf(pod) === component)
    .sort(
      (a, b) => (timeOf(a.metadata?.creationTimestamp) ?? 0) - (timeOf(b.metadata?.creationTimestamp) ?? 0),
    );
}

/** The container that runs the workload: the first (and, as rendered, only) regular container. */
export function mainContainerName(pod: V1Pod): string | undefined {
  return pod.spec?.containers?.[0]?.name;
}

export function mainContainerStatus(pod: V1Pod): V1ContainerStatus | undefined {
  const name = mainContainerName(pod);
  return pod.status?.containerStatuses?.find((status) => status.name === name);
}

/** Init containers first, in order: a failed download explains a benchmark that never started. */
export function allContainerStatuses(pod: V1Pod): Array<V1ContainerStatus & { init: boolean }> {
  return [
    ...(pod.status?.initContainerStatuses ?? []).map((status) => ({ ...status, init: true })),
    ...(pod.status?.containerStatuses ?? []).map((status) => ({ ...status, init: false })),
  ];
}

/** The main container's last end: its current terminated state, or the one before a restart. */
export function terminatedState(status: V1ContainerStatus | undefined) {
  return status?.state?.terminated ?? status?.lastState?.terminated;
}

/** The container has started (or already ended), so its log can be followed. */
export function hasStarted(pod: V1Pod): boolean {
  const state = mainContainerStatus(pod)?.state;
  return state?.running !== undefined || state?.terminated !== undefined;
}

/** The scheduler's complaint about a pod, from its PodScheduled condition or its newest FailedScheduling event. */
export function unschedulableMessage(pod: V1Pod, events: CoreV1Event[]): string | undefined {
  const condition = pod.status?.conditions?.find(
    (c) => c.type === "PodScheduled" && c.status === "False" && c.reason === "Unschedulable",
  );
  if (condition === undefined) return undefined;
  const event = newest(eventsFor(events, podName(pod)).filter((e) => e.reason === "FailedScheduling"));
  return condition.message ?? event?.message ?? "the scheduler found no node for it";
}

export function eventsFor(events: CoreV1Event[], objectName: string): CoreV1Event[] {
  return events.filter((event) => event.involvedObject?.name === objectName);
}

export function newest(events: CoreV1Event[]): CoreV1Event | undefined {
  const time = (e: CoreV1Event) =>
    timeOf(e.lastTimestamp) ?? timeOf(e.eventTime) ?? timeOf(e.metadata?.creationTimestamp) ?? 0;
  return [...events].sort((a, b) => time(b) - time(a))[0];
}

/** How much of `resource` (e.g. nvidia.com/gpu) the pod's containers ask for, as written. */
export function requestedAmount(pod: V1Pod, resource: string): string | undefined {
  for (const container of pod.spec?.containers ?? []) {
    const amount = container.resources?.limits?.[resource] ?? container.resources?.requests?.[resource];
    if (amount !== undefined) return String(amount);
  }
  return undefined;
}
