import type { KubeObject, StoreEvent } from "../types.js";
import type { ClusterContext } from "./context.js";
import { controllerOf } from "./pod-factory.js";
import type { Failure, PodLifecycle } from "./pod-lifecycle.js";

export interface AutopilotOptions {
  /** Lines every pod writes when it starts. */
  logs?: readonly string[];
  /** How pods that run to completion end (default "succeed"). */
  outcome?: "succeed" | "fail";
  failure?: Failure;
  /** Pause before each step (default 10 ms), so watchers see Pending, Running and the end apart. */
  delayMs?: number;
}

/** Whether a pod serves until stopped (Deployment replicas, MPI workers) rather than running to completion. */
export function isLongRunning(pod: KubeObject): boolean {
  return (
    controllerOf(pod)?.plural === "replicasets" ||
    (pod.metadata.labels?.["training.kubeflow.org/job-role"] === "worker" &&
      pod.metadata.labels?.["training.kubeflow.org/operator-name"] === "mpi-operator")
  );
}

/**
 * Runs every new pod through Pending -> Running -> Succeeded/Failed on timers; long-running
 * pods become Ready and stay. Unschedulable pods stay Pending, as they would.
 */
export class Autopilot {
  readonly #ctx: ClusterContext;
  readonly #lifecycle: PodLifecycle;
  readonly #timers = new Set<NodeJS.Timeout>();
  options: AutopilotOptions | undefined;

  constructor(ctx: ClusterContext, lifecycle: PodLifecycle, options?: AutopilotOptions) {
    this.#ctx = ctx;
    this.#lifecycle = lifecycle;
    this.options = options;
    ctx.store.onChange((event) => this.#onChange(event));
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #onChange(event: StoreEvent): void {
    const options = this.options;
    if (options === undefined || event.plural !== "pods" || event.type !== "ADDED") return;
    const { namespace, name } = event.object.metadata;
    const delay = options.delayMs ?? 10;
    this.#later(delay, () => {
      const pod = this.#ctx.store.get("pods", namespace, name);
      if (pod === undefined || !this.#lifecycle.schedule(pod)) return;
      this.#lifecycle.run(pod, options.logs ?? []);
      this.#later(delay, () => {
        const running = this.#ctx.store.get("pods", namespace, name);
        if (running?.status.phase !== "Running") return;
        if (isLongRunning(running)) this.#lifecycle.ready(running);
        else if ((options.outcome ?? "succeed") === "succeed") this.#lifecycle.succeed(running);
        else this.#lifecycle.fail(running, options.failure);
      });
    });
  }

  #later(ms: number, step: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      step();
    }, ms);
    this.#timers.add(timer);
  }
}
