import { timestamp } from "../clock.js";
import type { Condition, KubeObject } from "../types.js";
import { setCondition } from "./pod-status.js";

/** Kubeflow training job states, as `status.conditions` types. */
export type TrainingState = "Created" | "Running" | "Succeeded" | "Failed";

export function hasCondition(job: KubeObject, type: TrainingState): boolean {
  return (job.status?.conditions ?? []).some((c: Condition) => c.type === type && c.status === "True");
}

/**
 * Sets a Kubeflow condition the way the operators do: reaching Succeeded or Failed turns
 * Running to False, and sets `completionTime` (success only, as the operators do).
 */
export function setTrainingCondition(
  job: KubeObject,
  type: TrainingState,
  reason: string,
  message: string,
): void {
  job.status ??= {};
  job.status.conditions ??= [];
  const conditions = job.status.conditions as Condition[];
  const now = timestamp();
  if (type === "Succeeded" || type === "Failed") {
    const running = conditions.find((c) => c.type === "Running");
    if (running && running.status === "True")
      setCondition(conditions, "Running", "False", { reason, message, lastUpdateTime: now });
    if (type === "Succeeded") job.status.completionTime ??= now;
  }
  setCondition(conditions, type, "True", { reason, message, lastUpdateTime: now });
  if (type === "Running") job.status.startTime ??= now;
}

/** `{ active, succeeded, failed }` of a replica type's pods, leaving zeros out like the operators. */
export function replicaStatus(pods: KubeObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  const active = pods.filter((p) => p.status.phase === "Running").length;
  const succeeded = pods.filter((p) => p.status.phase === "Succeeded").length;
  const failed = pods.filter((p) => p.status.phase === "Failed").length;
  if (active) out.active = active;
  if (succeeded) out.succeeded = succeeded;
  if (failed) out.failed = failed;
  return out;
}
