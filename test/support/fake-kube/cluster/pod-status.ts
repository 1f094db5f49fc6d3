import { timestamp } from "../clock.js";
import type { Condition, Container, KubeObject } from "../types.js";

/**
 * Pure changes to a pod's status, one per step of its life; the cluster helpers and the
 * autopilot apply them through `store.mutate` so every step reaches watchers as MODIFIED.
 */

export function setCondition(
  conditions: Condition[],
  type: string,
  status: Condition["status"],
  extra: Partial<Condition> = {},
) {
  const now = timestamp();
  const existing = conditions.find((c) => c.type === type);
  if (existing) {
    if (existing.status !== status) existing.lastTransitionTime = now;
    existing.status = status;
    Object.assign(existing, extra);
    return;
  }
  conditions.push({ type, status, lastProbeTime: null, lastTransitionTime: now, ...extra });
}

function containers(pod: KubeObject): Container[] {
  return pod.spec.containers as Container[];
}

function conditions(pod: KubeObject): Condition[] {
  pod.status.conditions ??= [];
  return pod.status.conditions as Condition[];
}

export function markScheduled(pod: KubeObject, nodeName: string, hostIP: string): void {
  pod.spec.nodeName = nodeName;
  pod.status.hostIP = hostIP;
  setCondition(conditions(pod), "PodScheduled", "True", { reason: undefined, message: undefined });
  setCondition(conditions(pod), "Initialized", "True");
  setCondition(conditions(pod), "ContainersReady", "False", { reason: "ContainersNotReady" });
  setCondition(conditions(pod), "Ready", "False", { reason: "ContainersNotReady" });
  setWaiting(pod, "ContainerCreating");
}

export function markUnschedulable(pod: KubeObject, message: string): void {
  setCondition(conditions(pod), "PodScheduled", "False", { reason: "Unschedulable", message });
}

/** Every container waiting, e.g. `ContainerCreating`, `ImagePullBackOff`, `CrashLoopBackOff`. */
export function setWaiting(pod: KubeObject, reason: string, message?: string): void {
  pod.status.containerStatuses = containers(pod).map((c) => ({
    ...previousStatus(pod, c.name),
    name: c.name,
    image: c.image,
    imageID: "",
    ready: false,
    started: false,
    state: { waiting: { reason, ...(message && { message }) } },
  }));
}

export function markRunning(pod: KubeObject, podIP: string): void {
  const now = timestamp();
  pod.status.phase = "Running";
  pod.status.podIP = podIP;
  pod.status.podIPs = [{ ip: podIP }];
  pod.status.startTime ??= now;
  // Without a readiness probe a running container is ready at once, as the kubelet decides.
  pod.status.containerStatuses = containers(pod).map((c) => ({
    ...previousStatus(pod, c.name),
    name: c.name,
    image: c.image,
    imageID: `docker.io/library/${c.image}@sha256:${"0".repeat(64)}`,
    containerID: `containerd://${pod.metadata.uid.replaceAll("-", "")}`,
    ready: c.readinessProbe === undefined,
    started: true,
    state: { running: { startedAt: now } },
  }));
  refreshReadiness(pod);
}

export function markReady(pod: KubeObject, ready: boolean): void {
  for (const status of pod.status.containerStatuses ?? []) {
    if (status.state?.running) status.ready = ready;
  }
  refreshReadiness(pod);
}

export function markTerminated(
  pod: KubeObject,
  outcome: { exitCode: number; reason: string; message?: string },
): void {
  const now = timestamp();
  pod.status.phase = outcome.exitCode === 0 ? "Succeeded" : "Failed";
  pod.status.containerStatuses = containers(pod).map((c) => {
    const previous = previousStatus(pod, c.name);
    return {
      ...previous,
      name: c.name,
      image: c.image,
      ready: false,
      started: false,
      state: {
        terminated: {
          exitCode: outcome.exitCode,
          reason: outcome.reason,
          ...(outcome.message && { message: outcome.message }),
          startedAt: previous.state?.running?.startedAt ?? now,
          finishedAt: now,
        },
      },
    };
  });
  refreshReadiness(pod, "PodCompleted");
}

/** What the kubelet does when it evicts a pod under node pressure. */
export function markEvicted(pod: KubeObject, message: string): void {
  markTerminated(pod, { exitCode: 137, reason: "Error" });
  pod.status.phase = "Failed";
  pod.status.reason = "Evicted";
  pod.status.message = message;
  setCondition(conditions(pod), "DisruptionTarget", "True", {
    reason: "TerminationByKubelet",
    message: "The node was low on resource: memory.",
  });
}

/** The container exited and the kubelet is backing off before restarting it. */
export function markCrashLoop(pod: KubeObject, exitCode: number): void {
  const now = timestamp();
  pod.status.phase = "Running";
  pod.status.containerStatuses = containers(pod).map((c) => {
    const previous = previousStatus(pod, c.name);
    return {
      ...previous,
      name: c.name,
      image: c.image,
      ready: false,
      started: false,
      restartCount: (previous.restartCount ?? 0) + 1,
      lastState: {
        terminated: {
          exitCode,
          reason: "Error",
          startedAt: previous.state?.running?.startedAt ?? now,
          finishedAt: now,
        },
      },
      state: {
        waiting: {
          reason: "CrashLoopBackOff",
          message: `back-off 10s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
        },
      },
    };
  });
  refreshReadiness(pod);
}

export function isTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

export function isReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: Condition) => c.type === "Ready" && c.status === "True");
}

function refreshReadiness(pod: KubeObject, reason = "ContainersNotReady"): void {
  const statuses = (pod.status.containerStatuses ?? []) as { ready: boolean }[];
  const ready = statuses.length > 0 && statuses.every((s) => s.ready);
  const extra = ready ? { reason: undefined } : { reason };
  setCondition(conditions(pod), "ContainersReady", ready ? "True" : "False", extra);
  setCondition(conditions(pod), "Ready", ready ? "True" : "False", extra);
}

// biome-ignore lint/suspicious/noExplicitAny: container statuses are passed through as JSON.
function previousStatus(pod: KubeObject, name: string): any {
  return (
    (pod.status.containerStatuses ?? []).find((s: { name: string }) => s.name === name) ?? { restartCount: 0 }
  );
}
