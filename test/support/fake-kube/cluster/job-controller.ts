import { timestamp } from "../clock.js";
import { randomSuffix } from "../names.js";
import type { Condition, KubeObject, StoreEvent } from "../types.js";
import type { ClusterContext } from "./context.js";
import { recordEvent } from "./events.js";
import { deleteWithPropagation } from "./garbage-collector.js";
import { controllerOf, ownedBy, podFromTemplate } from "./pod-factory.js";
import { isReady, isTerminal, setCondition } from "./pod-status.js";

/**
 * The batch/v1 Job controller: creates `<job>-<random5>` pods, replaces failed ones until
 * `backoffLimit`, and keeps `status` (active, ready, succeeded, failed, conditions) current.
 */
export function jobController(ctx: ClusterContext): (event: StoreEvent) => void {
  // Pods already counted in succeeded/failed, so deleting them later keeps the counts.
  const counted = new Map<string, Set<string>>();
  return (event) => {
    if (event.plural === "jobs" && event.type === "ADDED") {
      reconcile(ctx, event.object, counted);
    } else if (event.plural === "pods") {
      const owner = controllerOf(event.object);
      if (owner?.plural !== "jobs") return;
      const job = ctx.store.get("jobs", event.object.metadata.namespace, owner.name);
      if (job) reconcile(ctx, job, counted);
    }
  };
}

export function isFinished(job: KubeObject): boolean {
  return (job.status?.conditions ?? []).some(
    (c: Condition) => (c.type === "Complete" || c.type === "Failed") && c.status === "True",
  );
}

/** Fails a running Job as the controller does once `activeDeadlineSeconds` has passed. */
export function exceedDeadline(ctx: ClusterContext, job: KubeObject): void {
  finish(ctx, job, "Failed", "DeadlineExceeded", "Job was active longer than specified deadline");
}

function reconcile(ctx: ClusterContext, job: KubeObject, counted: Map<string, Set<string>>): void {
  if (job.metadata.deletionTimestamp) return;
  const { namespace, name, uid } = job.metadata;
  const seen = counted.get(uid) ?? new Set<string>();
  counted.set(uid, seen);
  const pods = ctx.store.list("pods", namespace).filter((p) => ownedBy(p, job));
  let { succeeded = 0, failed = 0 } = job.status ?? {};
  for (const pod of pods.filter(isTerminal)) {
    if (seen.has(pod.metadata.uid)) continue;
    seen.add(pod.metadata.uid);
    if (pod.status.phase === "Succeeded") succeeded++;
    else failed++;
  }
  const active = pods.filter((p) => !isTerminal(p) && !p.metadata.deletionTimestamp);
  const finished = isFinished(job);
  let created = 0;
  if (!finished) {
    const completions = job.spec.completions ?? job.spec.parallelism;
    const wanted = Math.min(job.spec.parallelism, Math.max(0, completions - succeeded));
    if (failed <= job.spec.backoffLimit && succeeded < completions) {
      for (let i = active.length; i < wanted; i++) {
        createPod(ctx, job);
        created++;
      }
    }
  }
  const updated = ctx.store.mutate("jobs", namespace, name, (j) => {
    j.status ??= {};
    j.status.startTime ??= timestamp();
    j.status.active = active.length + created;
    j.status.ready = active.filter(isReady).length;
    j.status.succeeded = succeeded;
    j.status.failed = failed;
    j.status.terminating = 0;
    j.status.uncountedTerminatedPods = {};
    for (const key of ["active", "succeeded", "failed"]) if (j.status[key] === 0) delete j.status[key];
  });
  if (finished || updated === undefined) return;
  const completions = updated.spec.completions ?? updated.spec.parallelism;
  if (failed > updated.spec.backoffLimit) {
    finish(ctx, updated, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
  } else if (succeeded >= completions) {
    finish(ctx, updated, "Complete", "CompletionsReached", "Reached expected number of succeeded pods");
  }
}

function createPod(ctx: ClusterContext, job: KubeObject): void {
  const pod = ctx.store.create(
    "pods",
    podFromTemplate(job.spec.template, { name: `${job.metadata.name}-${randomSuffix()}`, owner: job }),
  );
  recordEvent(ctx.store, job, {
    type: "Normal",
    reason: "SuccessfulCreate",
    message: `Created pod: ${pod.metadata.name}`,
    component: "job-controller",
  });
}

function finish(
  ctx: ClusterContext,
  job: KubeObject,
  type: "Complete" | "Failed",
  reason: string,
  message: string,
) {
  const { namespace, name } = job.metadata;
  ctx.store.mutate("jobs", namespace, name, (j) => {
    j.status ??= {};
    j.status.conditions ??= [];
    const interim = type === "Failed" ? "FailureTarget" : "SuccessCriteriaMet";
    setCondition(j.status.conditions, interim, "True", { reason, message });
    setCondition(j.status.conditions, type, "True", { reason, message });
    if (type === "Complete") j.status.completionTime = timestamp();
    delete j.status.active;
    j.status.ready = 0;
  });
  if (type === "Failed") {
    // A failed Job stops its remaining pods, after the condition so they are not replaced.
    for (const pod of ctx.store.list("pods", namespace).filter((p) => ownedBy(p, job) && !isTerminal(p))) {
      deleteWithPropagation(ctx.store, "pods", namespace, pod.metadata.name, "Background");
    }
  }
  recordEvent(ctx.store, job, {
    type: type === "Complete" ? "Normal" : "Warning",
    reason: type === "Complete" ? "Completed" : reason,
    message: type === "Complete" ? "Job completed" : message,
    component: "job-controller",
  });
}
