import type { CoreV1Event, V1Pod } from "@kubernetes/client-node";
import type { RunStatus } from "../../results/receipt-types.js";
import { explainApiError } from "./api-errors.js";
import { diagnoseFailure } from "./diagnose-failure.js";
import { podName, roleOf } from "./pod-facts.js";
import { findPodProblem, type PodProblem } from "./pod-problems.js";
import type { Verdict } from "./watch-run.js";
import type { Workload } from "./workload.js";

export interface Conclusion {
  status: RunStatus;
  reason: string;
  /** From the diagnosis; for a success the caller reads it from the pod. */
  exitCode?: number | null;
  /** The workload is still active and must be deleted. */
  deleteWorkload: boolean;
}

export interface ConclusionFacts {
  verdict: Verdict;
  workload: Workload;
  namespace: string;
  pods: V1Pod[];
  events: CoreV1Event[];
  timeLimitMs?: number;
  clientGraceMs: number;
  unschedulableTimeoutMs: number;
  /** Seen while watching: no node could take a pod of the run, and none ever did. */
  unschedulable?: PodProblem;
}

/** Pure. The outcome's status and reason for how watching a run ended. */
export function concludeRun(facts: ConclusionFacts): Conclusion {
  const { verdict, workload } = facts;
  switch (verdict.end) {
    case "succeeded":
      return { status: "succeeded", reason: "the benchmark completed", deleteWorkload: false };
    case "failed": {
      const deadline = (workload.top.spec as { activeDeadlineSeconds?: number } | undefined)
        ?.activeDeadlineSeconds;
      if (verdict.state.deadlineExceeded && facts.unschedulable !== undefined) {
        // The benchmark never ran: the deadline only ended the wait for a node.
        const limit = deadline === undefined ? "" : ` of ${deadline}s`;
        return {
          status: "failed",
          reason: `${facts.unschedulable.reason}; ${workload.noun}'s deadline${limit} passed before any node took it`,
          exitCode: null,
          deleteWorkload: false,
        };
      }
      const diagnosis = diagnoseFailure({
        state: verdict.state,
        noun: workload.noun,
        benchmarkComponent: workload.benchmarkComponent,
        pods: facts.pods,
        events: facts.events,
        ...(deadline === undefined ? {} : { activeDeadlineSeconds: deadline }),
      });
      return { ...diagnosis, deleteWorkload: false };
    }
    case "blocked": {
      const pod = facts.pods.find((p) => podName(p) === verdict.problem.pod) ?? verdict.pod;
      const problem =
        findPodProblem(pod, facts.events, roleOf(pod, workload.benchmarkComponent)) ?? verdict.problem;
      const waited =
        problem.kind === "unschedulable"
          ? `; gave up after ${formatDuration(facts.unschedulableTimeoutMs)} (kubernetes.unschedulable_timeout)`
          : "";
      return { status: "failed", reason: `${problem.reason}${waited}`, exitCode: null, deleteWorkload: true };
    }
    case "cancelled":
      return { status: "error", reason: "cancelled", exitCode: null, deleteWorkload: true };
    case "client_timeout": {
      const limit = formatDuration(facts.timeLimitMs ?? 0);
      const grace = formatDuration(facts.clientGraceMs);
      return {
        status: "timed_out",
        reason: `the benchmark exceeded its time limit of ${limit} (plus ${grace} grace) and ${workload.noun} was deleted`,
        exitCode: null,
        deleteWorkload: true,
      };
    }
    case "deleted":
      return {
        status: "error",
        reason: `${workload.noun} ${workload.top.metadata.name} was deleted before it finished`,
        exitCode: null,
        deleteWorkload: false,
      };
    case "lost": {
      const error = explainApiError(verdict.error, {
        verb: "watch",
        type: verdict.type,
        namespace: facts.namespace,
      });
      return {
        status: "error",
        reason: `lost track of ${workload.noun}: ${error.message}`,
        exitCode: null,
        deleteWorkload: true,
      };
    }
  }
}

/** "300 ms", "45 s", "10 min". */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000 || ms % 60_000 !== 0) return `${ms / 1000} s`;
  return `${ms / 60_000} min`;
}
