import type { KubeObject } from "../types.js";
import type { ClusterContext } from "./context.js";
import { recordEvent } from "./events.js";
import { nodeIP, pickNode } from "./nodes.js";
import {
  markCrashLoop,
  markEvicted,
  markReady,
  markRunning,
  markScheduled,
  markTerminated,
  markUnschedulable,
  setWaiting,
} from "./pod-status.js";

export interface Failure {
  reason?: "Error" | "OOMKilled" | (string & {});
  exitCode?: number;
  message?: string;
}

const EVICTION_MESSAGE = "The node was low on resource: memory. Threshold quantity: 100Mi, available: 42Mi. ";

/**
 * The scheduler's and the kubelet's part of a pod's life, one step per method. Each step
 * changes the stored pod (one MODIFIED event) and records the Events a real cluster records.
 */
export class PodLifecycle {
  readonly #ctx: ClusterContext;
  #nextIP = 0;

  constructor(ctx: ClusterContext) {
    this.#ctx = ctx;
  }

  /** Binds the pod to `nodeName`, or to the first node that fits; `false` (and FailedScheduling) if none does. */
  schedule(pod: KubeObject, nodeName?: string): boolean {
    const nodes = this.#ctx.store.list("nodes");
    const picked = nodeName
      ? { node: nodes.find((n) => n.metadata.name === nodeName) }
      : pickNode(pod, nodes, this.#ctx.store.list("pods"));
    if ("message" in picked) {
      this.unschedulable(pod, picked.message);
      return false;
    }
    if (picked.node === undefined) throw new Error(`fake-kube has no node "${nodeName}"`);
    const index = nodes.indexOf(picked.node);
    this.#mutate(pod, (p) => markScheduled(p, picked.node!.metadata.name, nodeIP(index)));
    this.#event(
      pod,
      "Normal",
      "Scheduled",
      `Successfully assigned ${ns(pod)}/${pod.metadata.name} to ${picked.node.metadata.name}`,
      "default-scheduler",
    );
    return true;
  }

  unschedulable(pod: KubeObject, message: string): void {
    this.#mutate(pod, (p) => markUnschedulable(p, message));
    this.#event(pod, "Warning", "FailedScheduling", message, "default-scheduler");
  }

  /** Starts the containers (scheduling first if needed) and writes `logs` to the first one. */
  run(pod: KubeObject, logs: readonly string[] = [], container?: string): void {
    if (!pod.spec.nodeName && !this.schedule(pod)) {
      throw new Error(`fake-kube: pod ${pod.metadata.name} is unschedulable, so it cannot run`);
    }
    const ip = `10.1.${Math.floor(this.#nextIP / 250)}.${(this.#nextIP++ % 250) + 2}`;
    this.#mutate(pod, (p) => markRunning(p, ip));
    for (const c of pod.spec.containers) {
      this.#event(
        pod,
        "Normal",
        "Pulled",
        `Container image "${c.image}" already present on machine`,
        "kubelet",
      );
      this.#event(pod, "Normal", "Created", `Created container: ${c.name}`, "kubelet");
      this.#event(pod, "Normal", "Started", `Started container ${c.name}`, "kubelet");
    }
    this.appendLogs(pod, logs, container);
  }

  appendLogs(pod: KubeObject, lines: readonly string[], container?: string): void {
    if (lines.length === 0) return;
    this.#ctx.logs.append(ns(pod), pod.metadata.name, container ?? pod.spec.containers[0].name, lines);
  }

  ready(pod: KubeObject, ready = true): void {
    this.#mutate(pod, (p) => markReady(p, ready));
  }

  succeed(pod: KubeObject): void {
    this.#ensureRunning(pod);
    this.#mutate(pod, (p) => markTerminated(p, { exitCode: 0, reason: "Completed" }));
    this.#endLogs(pod);
  }

  fail(pod: KubeObject, failure: Failure = {}): void {
    this.#ensureRunning(pod);
    const reason = failure.reason ?? "Error";
    const exitCode = failure.exitCode ?? (reason === "OOMKilled" ? 137 : 1);
    this.#mutate(pod, (p) =>
      markTerminated(p, { exitCode, reason, ...(failure.message && { message: failure.message }) }),
    );
    this.#endLogs(pod);
  }

  evict(pod: KubeObject, message = EVICTION_MESSAGE): void {
    this.#mutate(pod, (p) => markEvicted(p, message));
    this.#event(pod, "Warning", "Evicted", message, "kubelet");
    this.#endLogs(pod);
  }

  imagePullBackOff(pod: KubeObject): void {
    if (!pod.spec.nodeName && !this.schedule(pod)) return;
    const image = pod.spec.containers[0].image;
    this.#mutate(pod, (p) => setWaiting(p, "ImagePullBackOff", `Back-off pulling image "${image}"`));
    this.#event(
      pod,
      "Warning",
      "Failed",
      `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": not found`,
      "kubelet",
    );
    this.#event(pod, "Warning", "Failed", "Error: ImagePullBackOff", "kubelet");
  }

  crashLoop(pod: KubeObject, exitCode = 1): void {
    this.#ensureRunning(pod);
    this.#mutate(pod, (p) => markCrashLoop(p, exitCode));
    const container = pod.spec.containers[0].name;
    this.#event(
      pod,
      "Warning",
      "BackOff",
      `Back-off restarting failed container ${container} in pod ${pod.metadata.name}_${ns(pod)}(${pod.metadata.uid})`,
      "kubelet",
    );
  }

  #ensureRunning(pod: KubeObject): void {
    const current = this.#ctx.store.get("pods", ns(pod), pod.metadata.name);
    if (current?.status.phase === "Pending") this.run(current);
  }

  #endLogs(pod: KubeObject): void {
    this.#ctx.logs.endPod(
      ns(pod),
      pod.metadata.name,
      pod.spec.containers.map((c: { name: string }) => c.name),
    );
  }

  #mutate(pod: KubeObject, change: (pod: KubeObject) => void): void {
    const updated = this.#ctx.store.mutate("pods", ns(pod), pod.metadata.name, change);
    if (updated === undefined)
      throw new Error(`fake-kube: pod ${ns(pod)}/${pod.metadata.name} no longer exists`);
  }

  #event(
    pod: KubeObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    component: string,
  ): void {
    const current = this.#ctx.store.get("pods", ns(pod), pod.metadata.name) ?? pod;
    recordEvent(this.#ctx.store, current, { type, reason, message, component });
  }
}

function ns(pod: KubeObject): string {
  return pod.metadata.namespace ?? "default";
}
