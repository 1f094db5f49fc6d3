import type { KubeObject } from "./cluster-api.js";

/** Where a Job, MPIJob or PyTorchJob stands, read from its status conditions. */
export type WorkloadState =
  | { phase: "running" }
  | { phase: "succeeded" }
  | { phase: "failed"; reason?: string; message?: string; deadlineExceeded: boolean };

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

/** batch/v1 Jobs say Complete; the Kubeflow jobs say Succeeded. Both say Failed. */
const SUCCEEDED = new Set(["Complete", "Succeeded"]);

/**
 * Pure. A deadline shows as reason DeadlineExceeded (Jobs, and MPIJobs which copy their
 * launcher Job's reason) or, for the training operator, only in the message.
 */
export function judgeWorkload(object: KubeObject | undefined): WorkloadState {
  const conditions = ((object?.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).filter(
    (condition) => condition.status === "True",
  );
  const failed = conditions.find((condition) => condition.type === "Failed");
  if (failed !== undefined) {
    const deadlineExceeded =
      failed.reason === "DeadlineExceeded" ||
      /active longer than specified deadline/i.test(failed.message ?? "");
    return {
      phase: "failed",
      deadlineExceeded,
      ...(failed.reason === undefined ? {} : { reason: failed.reason }),
      ...(failed.message === undefined ? {} : { message: failed.message }),
    };
  }
  if (conditions.some((condition) => SUCCEEDED.has(condition.type ?? ""))) return { phase: "succeeded" };
  return { phase: "running" };
}
