import type { CoreV1Event, V1Pod } from "@kubernetes/client-node";
import {
  allContainerStatuses,
  componentOf,
  mainContainerName,
  mainContainerStatus,
  podName,
  podsOf,
  roleOf,
  terminatedState,
} from "./pod-facts.js";
import { findPodProblem } from "./pod-problems.js";
import type { WorkloadState } from "./workload-state.js";

export interface FailureFacts {
  /** The workload's failed state (judgeWorkload). */
  state: Extract<WorkloadState, { phase: "failed" }>;
  /** "the Job", "the MPIJob". */
  noun: string;
  /** The deadline written into the object, for the message. */
  activeDeadlineSeconds?: number;
  /** Component of the pod that runs the benchmark (its exit code is the run's). */
  benchmarkComponent: string;
  pods: V1Pod[];
  events: CoreV1Event[];
}

export interface Diagnosis {
  status: "failed" | "timed_out";
  reason: string;
  exitCode: number | null;
}

interface PodFailure {
  kind: "evicted" | "oom" | "image" | "config" | "crash" | "init" | "exit" | "unschedulable";
  reason: string;
}

/**
 * Pure. Why a Job / MPIJob / PyTorchJob failed, from its condition, its pods and their
 * events: OOMKilled, evicted, image pull, exit code, a failed data download, unschedulable,
 * or the deadline (status `timed_out`). Benchmark pods are looked at before the others.
 */
export function diagnoseFailure(facts: FailureFacts): Diagnosis {
  const { state, noun } = facts;
  const benchmarkPods = podsOf(facts.pods, facts.benchmarkComponent).reverse();
  const others = facts.pods.filter((pod) => componentOf(pod) !== facts.benchmarkComponent);
  const failures = [...benchmarkPods, ...others]
    .map((pod) => podFailure(pod, facts.events, roleOf(pod, facts.benchmarkComponent)))
    .filter((failure): failure is PodFailure => failure !== undefined);
  const exitCode =
    terminatedState(benchmarkPods[0] && mainContainerStatus(benchmarkPods[0]))?.exitCode ?? null;

  if (state.deadlineExceeded) {
    const deadline =
      facts.activeDeadlineSeconds === undefined
        ? ""
        : ` of ${facts.activeDeadlineSeconds}s (activeDeadlineSeconds)`;
    // A pod killed at the deadline exits with 137; only a pod that never ran explains more.
    const stuck = failures.find(
      (f) => f.kind === "unschedulable" || f.kind === "image" || f.kind === "config",
    );
    return {
      status: "timed_out",
      reason: `${noun} ran past its deadline${deadline}${stuck === undefined ? "" : `; ${stuck.reason}`}`,
      exitCode,
    };
  }
  const workloadSays = `${noun} failed${state.reason === undefined ? "" : ` (${state.reason})`}`;
  const first = failures[0];
  if (first !== undefined) return { status: "failed", reason: `${first.reason}; ${workloadSays}`, exitCode };
  return {
    status: "failed",
    reason: `${workloadSays}${state.message === undefined ? "" : `: ${state.message}`}`,
    exitCode,
  };
}

function podFailure(pod: V1Pod, events: CoreV1Event[], what: string): PodFailure | undefined {
  const name = podName(pod);
  if (pod.status?.reason === "Evicted") {
    const node = pod.spec?.nodeName === undefined ? "" : ` from node ${pod.spec.nodeName}`;
    return {
      kind: "evicted",
      reason: `pod ${name} of ${what} was evicted${node}${pod.status.message ? `: ${pod.status.message}` : ""}`,
    };
  }
  const statuses = allContainerStatuses(pod);
  for (const status of statuses) {
    const ended = terminatedState(status);
    if (ended?.reason === "OOMKilled") {
      const limit = pod.spec?.containers?.find((c) => c.name === status.name)?.resources?.limits?.memory;
      return {
        kind: "oom",
        reason: `${what} ran out of memory: container ${status.name} of pod ${name} was OOMKilled (exit code ${ended.exitCode}${limit === undefined ? "" : `, memory limit ${limit}`})`,
      };
    }
  }
  const problem = findPodProblem(pod, events, what, { firstPullFailure: true });
  if (problem !== undefined) return problem;
  for (const status of statuses) {
    const ended = terminatedState(status);
    if (ended === undefined || ended.exitCode === 0) continue;
    const detail = ended.reason && ended.reason !== "Error" ? `, ${ended.reason}` : "";
    if (status.init) {
      const step = status.name.startsWith("fetch-") ? " while downloading data" : "";
      return {
        kind: "init",
        reason: `init container ${status.name} of pod ${name} failed${step} with exit code ${ended.exitCode}${detail}`,
      };
    }
    const container = status.name === mainContainerName(pod) ? "" : ` (container ${status.name})`;
    return {
      kind: "exit",
      reason: `${what} exited with code ${ended.exitCode}${detail} in pod ${name}${container}`,
    };
  }
  return undefined;
}
