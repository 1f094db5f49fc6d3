import type { KubernetesObject } from "./render/index.js";
import { COMPONENT_LABEL, RUN_ID_LABEL } from "./render/metadata.js";
import { type ResourceType, resourceType } from "./resources.js";

/** The rendered objects of one run, seen as the runner drives them. */
export interface Workload {
  /** The object whose completion is the benchmark's: a Job, an MPIJob or a PyTorchJob. */
  top: KubernetesObject;
  type: ResourceType;
  /** Objects created after the top one and owned by it (the inference server's Service and Deployment). */
  owned: KubernetesObject[];
  /** Selects every pod of the run: `maat.dev/run-id=<run>`. */
  podSelector: string;
  /** `maat.dev/component` of the pod whose log is the benchmark's output. */
  benchmarkComponent: string;
  /** `maat.dev/component` of the inference server's pods, when there is a server. */
  serverComponent?: string;
  /** "the Job", "the MPIJob": for messages. */
  noun: string;
}

/** The pod that prints the benchmark's output, per top kind; a Job's pods carry the Job's own component. */
const BENCHMARK_COMPONENT: Record<string, string> = { MPIJob: "launcher", PyTorchJob: "master" };

/**
 * Reads the renderer's output (`renderManifests`: top object first, the rest owned by it).
 *
 * Example: for an inference run, `benchmarkComponent` is "client" and `serverComponent` "server".
 */
export function describeWorkload(objects: KubernetesObject[]): Workload {
  const [top, ...owned] = objects;
  if (top === undefined) throw new Error("renderManifests returned no objects");
  const labels = top.metadata.labels ?? {};
  const runId = labels[RUN_ID_LABEL];
  if (runId === undefined) throw new Error(`${top.kind} ${top.metadata.name} has no ${RUN_ID_LABEL} label`);
  const server = owned.find((object) => object.kind === "Deployment");
  const serverComponent = server?.metadata.labels?.[COMPONENT_LABEL];
  return {
    top,
    type: resourceType(top.apiVersion, top.kind),
    owned,
    podSelector: `${RUN_ID_LABEL}=${runId}`,
    benchmarkComponent: BENCHMARK_COMPONENT[top.kind] ?? labels[COMPONENT_LABEL] ?? "benchmark",
    ...(serverComponent === undefined ? {} : { serverComponent }),
    noun: `the ${top.kind}`,
  };
}
