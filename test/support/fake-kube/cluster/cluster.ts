import { parseLabelSelector } from "../selectors.js";
import type { KubeObject } from "../types.js";
import { Autopilot, type AutopilotOptions, isLongRunning } from "./autopilot.js";
import type { ClusterContext } from "./context.js";
import { exceedDeadline } from "./job-controller.js";
import { type NodeSeed, nodeObject } from "./nodes.js";
import type { Failure } from "./pod-lifecycle.js";
import { PodLifecycle } from "./pod-lifecycle.js";

/** A pod by name (`"train-abc12"`, searched in every namespace) or `"namespace/name"`. */
export type PodRef = string;

export interface DriveOptions {
  logs?: readonly string[];
  outcome?: "succeed" | "fail";
  failure?: Failure;
}

const WORKLOADS = ["jobs", "mpijobs", "pytorchjobs", "deployments"] as const;

/** What a test does to the cluster that a real cluster's scheduler and kubelets would do. */
export class FakeCluster {
  readonly #ctx: ClusterContext;
  readonly #lifecycle: PodLifecycle;
  readonly #autopilot: Autopilot;

  constructor(ctx: ClusterContext, options: { autopilot?: AutopilotOptions } = {}) {
    this.#ctx = ctx;
    this.#lifecycle = new PodLifecycle(ctx);
    this.#autopilot = new Autopilot(ctx, this.#lifecycle, options.autopilot);
  }

  get nodes(): KubeObject[] {
    return this.#ctx.store.list("nodes");
  }

  addNode(seed: NodeSeed): KubeObject {
    return this.#ctx.store.create("nodes", nodeObject(seed, this.nodes.length));
  }

  /** Turns the autopilot on (with these options) or off (`undefined`). */
  autopilot(options: AutopilotOptions | undefined): void {
    this.#autopilot.options = options;
  }

  /** Pods, optionally only those matching a label selector (`"job-name=train"`) or in a namespace. */
  pods(filter: { labelSelector?: string; namespace?: string } = {}): KubeObject[] {
    const matches = parseLabelSelector(filter.labelSelector);
    return this.#ctx.store.list("pods", filter.namespace).filter((p) => matches(p.metadata.labels));
  }

  pod(ref: PodRef): KubeObject {
    const [namespace, name] = ref.includes("/") ? ref.split("/", 2) : [undefined, ref];
    const found = this.#ctx.store.list("pods", namespace).filter((p) => p.metadata.name === name);
    if (found.length !== 1) {
      throw new Error(`fake-kube: ${found.length === 0 ? "no" : "more than one"} pod named "${ref}"`);
    }
    return found[0]!;
  }

  /** Waits until `count` pods match `labelSelector` (they are created when the runner creates a workload). */
  async waitForPods(
    labelSelector: string,
    options: { count?: number; timeoutMs?: number } = {},
  ): Promise<KubeObject[]> {
    const count = options.count ?? 1;
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    for (;;) {
      const pods = this.pods({ labelSelector });
      if (pods.length >= count) return pods;
      if (Date.now() > deadline)
        throw new Error(`fake-kube: ${pods.length}/${count} pods match "${labelSelector}"`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  schedule(ref: PodRef, nodeName?: string): boolean {
    return this.#lifecycle.schedule(this.pod(ref), nodeName);
  }

  /** Marks the pod unschedulable; the default message is the scheduler's for a selector no node matches. */
  unschedulable(ref: PodRef, message?: string): void {
    const n = this.nodes.length;
    this.#lifecycle.unschedulable(
      this.pod(ref),
      message ?? `0/${n} nodes are available: ${n} node(s) didn't match Pod's node affinity/selector.`,
    );
  }

  run(ref: PodRef, options: { logs?: readonly string[]; container?: string } = {}): void {
    this.#lifecycle.run(this.pod(ref), options.logs, options.container);
  }

  appendLogs(ref: PodRef, lines: readonly string[], options: { container?: string } = {}): void {
    this.#lifecycle.appendLogs(this.pod(ref), lines, options.container);
  }

  ready(ref: PodRef, ready = true): void {
    this.#lifecycle.ready(this.pod(ref), ready);
  }

  succeed(ref: PodRef, options: { logs?: readonly string[] } = {}): void {
    const pod = this.pod(ref);
    this.#lifecycle.appendLogs(pod, options.logs ?? []);
    this.#lifecycle.succeed(pod);
  }

  fail(ref: PodRef, failure: Failure & { logs?: readonly string[] } = {}): void {
    const pod = this.pod(ref);
    this.#lifecycle.appendLogs(pod, failure.logs ?? []);
    this.#lifecycle.fail(pod, failure);
  }

  evict(ref: PodRef, message?: string): void {
    this.#lifecycle.evict(this.pod(ref), message);
  }

  imagePullBackOff(ref: PodRef): void {
    this.#lifecycle.imagePullBackOff(this.pod(ref));
  }

  crashLoop(ref: PodRef, exitCode = 1): void {
    this.#lifecycle.crashLoop(this.pod(ref), exitCode);
  }

  /** Fails a Job with `DeadlineExceeded`, as if its `activeDeadlineSeconds` had passed. */
  exceedDeadline(jobName: string, namespace?: string): void {
    const job = this.#ctx.store.list("jobs", namespace).find((j) => j.metadata.name === jobName);
    if (job === undefined) throw new Error(`fake-kube: no Job named "${jobName}"`);
    exceedDeadline(this.#ctx, job);
  }

  /**
   * Runs a workload's current pods to the end: workers start first, the launcher or master
   * writes `logs`, then pods that run to completion succeed or fail; serving pods become Ready.
   */
  driveJob(name: string, options: DriveOptions = {}): void {
    const workload = WORKLOADS.flatMap((plural) => this.#ctx.store.list(plural)).find(
      (o) => o.metadata.name === name,
    );
    if (workload === undefined)
      throw new Error(`fake-kube: no Job, MPIJob, PyTorchJob or Deployment named "${name}"`);
    const pods = this.#descendantPods(workload).filter(
      (p) => p.status.phase === "Pending" || p.status.phase === "Running",
    );
    const leaders = pods.filter((p) => !isLongRunning(p));
    for (const pod of [...pods.filter(isLongRunning), ...leaders]) {
      if (pod.status.phase === "Pending") this.#lifecycle.run(pod);
    }
    for (const pod of pods.filter(isLongRunning)) this.#lifecycle.ready(pod);
    for (const pod of leaders) {
      this.#lifecycle.appendLogs(pod, options.logs ?? []);
      if ((options.outcome ?? "succeed") === "succeed") this.#lifecycle.succeed(pod);
      else this.#lifecycle.fail(pod, options.failure);
    }
  }

  stop(): void {
    this.#autopilot.stop();
  }

  #descendantPods(owner: KubeObject): KubeObject[] {
    const children = this.#ctx.store
      .all()
      .filter(({ object }) =>
        (object.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid),
      );
    return children.flatMap(({ plural, object }) =>
      plural === "pods" ? [structuredClone(object)] : this.#descendantPods(object),
    );
  }
}
