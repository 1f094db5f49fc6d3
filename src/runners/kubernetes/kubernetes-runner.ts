import type { Descriptor } from "../../descriptor/types.js";
import type { ExtractorOptions } from "../../metrics/metric-extractor.js";
import type { BackendInfo } from "../../results/receipt-types.js";
import { newRunId } from "../run-id.js";
import type { Runner } from "../runner.js";
import { type ClusterPlacement, kubernetesBackendInfo } from "./backend-info.js";
import { createClusterApi } from "./client-node-api.js";
import { type Clock, systemClock } from "./clock.js";
import type { ClusterApi } from "./cluster-api.js";
import { type KubeConfigSource, loadKubeConfig } from "./kube-config.js";
import { createNodeCatalog } from "./node-catalog.js";
import type { CodeDelivery, RenderOptions } from "./render/index.js";
import { type KubernetesRepetitionOutcome, runKubernetesRepetition } from "./run-repetition.js";

export interface KubernetesRunnerOptions extends KubeConfigSource {
  /** Namespace of every object of the run. */
  namespace: string;
  /** Node selector, tolerations, dataset cache PVC, commit, ... (the repository config's `[kubernetes]`). */
  render?: Omit<RenderOptions, "runId" | "namespace">;
  /** A fresh id per repetition; its last 8 letters/digits name the objects. Default: time and random hex. */
  newRunId?: () => string;
  /** Added to a repetition's time limit before this side deletes the workload (the object's own deadline comes first). Default 60 s. */
  clientTimeLimitGraceMs?: number;
  /** How long a pod may stay Unschedulable (waiting for a node) before the repetition fails. Default 5 min. */
  unschedulableTimeoutMs?: number;
  /** How long to wait for a log to end after its container has. Default 30 s. */
  logDrainMs?: number;
  /** How long the inference server may take to stop after its Deployment is deleted. Default 30 s. */
  serverStopGraceMs?: number;
  clock?: Clock;
  extractor?: ExtractorOptions;
  /** The code under test for a descriptor (script mode), or undefined when the image holds it. */
  code?: (descriptor: Descriptor) => Promise<CodeDelivery | undefined>;
  /** Replaces the cluster connection (tests); the kubeconfig is then only read when given. */
  api?: ClusterApi;
}

/** A pod that no node fits for this long fails the run; long enough for a cluster autoscaler to add a node. */
export const DEFAULT_UNSCHEDULABLE_TIMEOUT_MS = 5 * 60_000;

/** A Runner that also says where its repetitions ran, for the receipt's `backend`. */
export interface KubernetesRunner extends Runner {
  readonly kind: "kubernetes";
  runRepetition(request: Parameters<Runner["runRepetition"]>[0]): Promise<KubernetesRepetitionOutcome>;
  /** The cluster, namespace and nodes (with instance types) of every repetition so far. */
  backendInfo(): BackendInfo;
}

/**
 * The runner for `--backend kubernetes`: each repetition renders the descriptor's manifests,
 * creates them, watches them to the end while streaming the benchmark's log through the
 * metric extractor, and deletes what it started when cancelled or out of time.
 *
 * Example:
 * ```ts
 * const runner = createKubernetesRunner({ kubeconfigPath: env.KUBECONFIG, namespace: "bench" });
 * const outcome = await runner.runRepetition(request);
 * ```
 * Throws a KubernetesConfigError when the kubeconfig cannot be loaded.
 */
export function createKubernetesRunner(options: KubernetesRunnerOptions): KubernetesRunner {
  const usesKubeconfig =
    options.api === undefined || options.kubeconfigPath !== undefined || options.inCluster;
  const loaded = usesKubeconfig ? loadKubeConfig(options) : undefined;
  const api = options.api ?? createClusterApi((loaded as NonNullable<typeof loaded>).kubeConfig);
  const cluster = loaded === undefined ? {} : { context: loaded.context, server: loaded.server };
  const placements: ClusterPlacement[] = [];
  const settings = {
    api,
    namespace: options.namespace,
    cluster,
    render: options.render ?? {},
    newRunId: options.newRunId ?? newRunId,
    clock: options.clock ?? systemClock,
    unschedulableTimeoutMs: options.unschedulableTimeoutMs ?? DEFAULT_UNSCHEDULABLE_TIMEOUT_MS,
    clientGraceMs: options.clientTimeLimitGraceMs ?? 60_000,
    logDrainMs: options.logDrainMs ?? 30_000,
    serverStopGraceMs: options.serverStopGraceMs ?? 30_000,
    extractor: options.extractor ?? {},
    nodes: createNodeCatalog(api),
    ...(options.code === undefined ? {} : { code: options.code }),
  };
  let code: BackendInfo["code"];
  return {
    kind: "kubernetes",
    async runRepetition(request) {
      const outcome = await runKubernetesRepetition(request, settings);
      placements.push(outcome.cluster);
      code = outcome.code ?? code;
      return outcome;
    },
    backendInfo: () => ({
      ...kubernetesBackendInfo(
        placements.length > 0 ? placements : [{ ...cluster, namespace: options.namespace }],
      ),
      ...(code === undefined ? {} : { code }),
    }),
  };
}
