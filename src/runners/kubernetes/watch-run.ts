import type { V1Pod } from "@kubernetes/client-node";
import type { Clock } from "./clock.js";
import type { ClusterApi } from "./cluster-api.js";
import { podName, roleOf } from "./pod-facts.js";
import { findPodProblem, type PodProblem } from "./pod-problems.js";
import { mirrorResource, type ResourceMirror } from "./resource-mirror.js";
import { POD, type ResourceType } from "./resources.js";
import type { Workload } from "./workload.js";
import { judgeWorkload, type WorkloadState } from "./workload-state.js";

/** How watching a run ended. */
export type Verdict =
  | { end: "succeeded" }
  | { end: "failed"; state: Extract<WorkloadState, { phase: "failed" }> }
  /** A pod that cannot run: image, container config, crash loop, or unschedulable past the timeout. */
  | { end: "blocked"; problem: PodProblem; pod: V1Pod }
  | { end: "cancelled" }
  | { end: "client_timeout" }
  /** The workload disappeared before it finished (someone deleted it). */
  | { end: "deleted" }
  /** The watch of `type` could not be kept up. */
  | { end: "lost"; error: unknown; type: ResourceType };

export interface WatchRunOptions {
  api: ClusterApi;
  namespace: string;
  workload: Workload;
  clock: Clock;
  signal?: AbortSignal;
  /** Absolute time (clock.now()) after which the run counts as timed out on this side. */
  clientDeadline?: number;
  /** How long a pod may stay Unschedulable before the run fails. */
  unschedulableTimeoutMs: number;
  /** Sees the run's pods after every change (to follow logs, note nodes). */
  onPods: (pods: V1Pod[]) => void;
}

export interface WatchedRun {
  verdict: Verdict;
  pods: V1Pod[];
  /** Pods deleted while watched (MPI workers after the launcher is done), as last seen. */
  gonePods: V1Pod[];
  /** Watches started again from a fresh list (410 Gone and the like). */
  relists: number;
  /**
   * The last "cannot be scheduled" seen while no pod of the run had a node yet: what to say
   * when the deadline then passes (the Job controller deletes the pods, and their story with them).
   */
  unschedulable?: PodProblem;
}

/**
 * Watches the workload object and the run's pods (never polls) until the workload completes
 * or fails, a pod is stuck for good, the client deadline passes or the signal aborts.
 * The initial lists throw the API's error as is.
 */
export async function watchRun(options: WatchRunOptions): Promise<WatchedRun> {
  const { api, namespace, workload, clock, signal } = options;
  const name = workload.top.metadata.name;
  const change = createChangeSignal();
  let lost: { error: unknown; type: ResourceType } | undefined;
  const common = (type: ResourceType) => ({
    api,
    namespace,
    clock,
    type,
    onChange: change.notify,
    onFatal: (error: unknown) => {
      lost ??= { error, type };
      change.notify();
    },
  });
  const cancelTimers: Array<() => void> = [];
  const mirrors: ResourceMirror[] = [];
  signal?.addEventListener("abort", change.notify);
  try {
    const top = await mirrorResource({
      ...common(workload.type),
      selector: { fieldSelector: `metadata.name=${name}` },
    });
    mirrors.push(top);
    const pods = await mirrorResource({ ...common(POD), selector: { labelSelector: workload.podSelector } });
    mirrors.push(pods);
    if (options.clientDeadline !== undefined) {
      cancelTimers.push(clock.setTimer(Math.max(0, options.clientDeadline - clock.now()), change.notify));
    }
    const unschedulableSince = new Map<string, number>();
    let unschedulable: PodProblem | undefined;
    let scheduled = false;

    const judge = (current: V1Pod[]): Verdict | undefined => {
      if (signal?.aborted === true) return { end: "cancelled" };
      if (lost !== undefined) return { end: "lost", ...lost };
      if (options.clientDeadline !== undefined && clock.now() >= options.clientDeadline) {
        return { end: "client_timeout" };
      }
      const object = top.get(name);
      if (object === undefined && top.deleted.has(name)) return { end: "deleted" };
      const state = judgeWorkload(object);
      if (state.phase === "succeeded") return { end: "succeeded" };
      if (state.phase === "failed") return { end: "failed", state };
      for (const pod of current) {
        if (pod.spec?.nodeName !== undefined) scheduled = true;
        if (isFinished(pod)) continue;
        const problem = findPodProblem(pod, [], roleOf(pod, workload.benchmarkComponent));
        const key = podName(pod);
        if (problem === undefined || problem.kind !== "unschedulable") unschedulableSince.delete(key);
        if (problem === undefined) continue;
        if (problem.kind !== "unschedulable") return { end: "blocked", problem, pod };
        if (!scheduled) unschedulable = problem;
        let since = unschedulableSince.get(key);
        if (since === undefined) {
          since = clock.now();
          unschedulableSince.set(key, since);
          cancelTimers.push(clock.setTimer(options.unschedulableTimeoutMs, change.notify));
        }
        if (clock.now() - since >= options.unschedulableTimeoutMs) return { end: "blocked", problem, pod };
      }
      return undefined;
    };

    for (;;) {
      const current = pods.objects() as V1Pod[];
      options.onPods(current);
      const verdict = judge(current);
      if (verdict !== undefined) {
        const gonePods = [...pods.deleted.values()] as V1Pod[];
        return {
          verdict,
          pods: current,
          gonePods,
          relists: top.relists + pods.relists,
          ...(unschedulable === undefined || scheduled ? {} : { unschedulable }),
        };
      }
      await change.next();
    }
  } finally {
    signal?.removeEventListener("abort", change.notify);
    for (const cancel of cancelTimers) cancel();
    for (const mirror of mirrors) mirror.stop();
  }
}

function isFinished(pod: V1Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed" || pod.metadata?.deletionTimestamp !== undefined;
}

/** Wakes the loop after any change; a change before `next()` is not lost. */
function createChangeSignal() {
  let pending = false;
  let wake: (() => void) | undefined;
  return {
    notify: () => {
      pending = true;
      const resolve = wake;
      wake = undefined;
      resolve?.();
    },
    next: () => {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        wake = () => {
          pending = false;
          resolve();
        };
      });
    },
  };
}
