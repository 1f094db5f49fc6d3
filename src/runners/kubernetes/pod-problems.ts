import type { CoreV1Event, V1Pod } from "@kubernetes/client-node";
import {
  allContainerStatuses,
  eventsFor,
  newest,
  podName,
  requestedAmount,
  unschedulableMessage,
} from "./pod-facts.js";

/** Something that keeps a pod from ever running its container as things stand. */
export interface PodProblem {
  /** `unschedulable` may still clear (a node can be added), so the runner waits a while; the others fail at once. */
  kind: "unschedulable" | "image" | "config" | "crash";
  pod: string;
  reason: string;
}

/** Waiting reasons that mean the kubelet gave up on an image for now (ErrImagePull is the first try). */
const IMAGE_GIVEN_UP = new Set(["ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull"]);
const CONFIG_ERRORS = new Set(["CreateContainerConfigError", "CreateContainerError", "RunContainerError"]);

/**
 * Pure. What blocks a pending or crashing pod, in the order a user should fix it.
 * `what` names the pod's role in the run: "the benchmark", "the inference server".
 *
 * Example: a pod waiting in ImagePullBackOff gives `{ kind: "image", reason: 'cannot pull
 * image "repo/bench:v9" for the benchmark (pod …): … not found; check …' }`.
 */
export function findPodProblem(
  pod: V1Pod,
  events: CoreV1Event[],
  what: string,
  options: { firstPullFailure?: boolean } = {},
): PodProblem | undefined {
  const name = podName(pod);
  const unschedulable = unschedulableMessage(pod, events);
  if (unschedulable !== undefined) {
    return { kind: "unschedulable", pod: name, reason: explainUnschedulable(pod, unschedulable, what) };
  }
  for (const status of allContainerStatuses(pod)) {
    const waiting = status.state?.waiting;
    const reason = waiting?.reason ?? "";
    const where = `pod ${name}, ${status.init ? "init container" : "container"} ${status.name}`;
    if (IMAGE_GIVEN_UP.has(reason) || (options.firstPullFailure === true && reason === "ErrImagePull")) {
      const pullEvent = newest(
        eventsFor(events, name).filter((e) => e.reason === "Failed" && /pull/i.test(e.message ?? "")),
      );
      const image = status.image || pod.spec?.containers?.find((c) => c.name === status.name)?.image;
      const detail = pullEvent?.message ?? waiting?.message ?? reason;
      return {
        kind: "image",
        pod: name,
        reason: `cannot pull image "${image}" for ${what} (${where}, ${reason}): ${detail}; check the image name and tag, and registry credentials (imagePullSecrets)`,
      };
    }
    if (CONFIG_ERRORS.has(reason)) {
      return {
        kind: "config",
        pod: name,
        reason: `the container of ${what} cannot be created (${where}, ${reason})${waiting?.message ? `: ${waiting.message}` : ""}`,
      };
    }
    if (reason === "CrashLoopBackOff") {
      const exit = status.lastState?.terminated?.exitCode;
      return {
        kind: "crash",
        pod: name,
        reason: `${what} keeps crashing (${where}, CrashLoopBackOff${exit === undefined ? "" : `, last exit code ${exit}`})`,
      };
    }
  }
  return undefined;
}

/**
 * The scheduler's message in the user's terms: which node selector or resource no node
 * satisfies, then the scheduler's own words.
 */
export function explainUnschedulable(pod: V1Pod, message: string, what: string): string {
  const causes: string[] = [];
  if (/didn't match (Pod's )?node (affinity\/)?selector|didn't match node selector/i.test(message)) {
    const selector = Object.entries(pod.spec?.nodeSelector ?? {}).map(([key, value]) => `${key}=${value}`);
    causes.push(
      selector.length === 0 ? "no node matches its node affinity" : `no node with ${selector.join(" and ")}`,
    );
  }
  for (const [, resource] of message.matchAll(/Insufficient ([\w./-]*\w)/g)) {
    const asked = requestedAmount(pod, resource as string);
    const cause = `insufficient ${resource}${asked === undefined ? "" : ` (it asks for ${asked})`}`;
    if (!causes.includes(cause)) causes.push(cause);
  }
  const taint = /untolerated taint(?:\(s\))? ?(\{[^}]*\})?/.exec(message);
  if (taint !== null)
    causes.push(`the nodes have a taint it does not tolerate${taint[1] ? ` ${taint[1]}` : ""}`);
  if (/unbound immediate PersistentVolumeClaims/.test(message)) {
    causes.push("a PersistentVolumeClaim it mounts is not bound (check kubernetes.dataset_cache_pvc)");
  }
  const summary = causes.length === 0 ? "" : `${causes.join("; ")} `;
  return `${what} cannot be scheduled (pod ${podName(pod)}): ${summary}(scheduler: ${message.trim()})`;
}
