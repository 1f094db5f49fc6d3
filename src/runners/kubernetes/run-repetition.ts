import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { CoreV1Event, V1Pod } from "@kubernetes/client-node";
import type { Descriptor } from "../../descriptor/types.js";
import { createMetricExtractor, type ExtractorOptions } from "../../metrics/metric-extractor.js";
import type { BackendInfo } from "../../results/receipt-types.js";
import { WORKSPACE_PATH } from "../code-placement.js";
import { mergeExtractions } from "../merge-extractions.js";
import { type OutputLog, openOutputLog } from "../output-log.js";
import { type RepetitionOutcome, type RepetitionRequest, RunnerError } from "../runner.js";
import { explainApiError } from "./api-errors.js";
import type { ClusterPlacement } from "./backend-info.js";
import type { Clock } from "./clock.js";
import { type ClusterApi, timeOf } from "./cluster-api.js";
import { concludeRun } from "./conclude-run.js";
import { createWorkload, deleteOwned, deleteWorkload } from "./create-workload.js";
import { createLogCollector } from "./log-collector.js";
import type { NodeCatalog } from "./node-catalog.js";
import { mainContainerStatus, podName, podsOf, terminatedState } from "./pod-facts.js";
import {
  type CodeDelivery,
  KubernetesRenderError,
  type RenderOptions,
  renderManifests,
} from "./render/index.js";
import { EVENT, POD } from "./resources.js";
import { watchRun } from "./watch-run.js";
import { describeWorkload, type Workload } from "./workload.js";

/** Everything a repetition needs besides the request; built once per runner. */
export interface RepetitionSettings {
  api: ClusterApi;
  namespace: string;
  cluster: { context?: string; server?: string };
  render: Omit<RenderOptions, "runId" | "namespace">;
  newRunId: () => string;
  clock: Clock;
  unschedulableTimeoutMs: number;
  clientGraceMs: number;
  /** How long to wait for a log to end once its container has. */
  logDrainMs: number;
  /** How long the inference server may take to stop (and print its last lines) after deletion. */
  serverStopGraceMs: number;
  extractor: ExtractorOptions;
  nodes: NodeCatalog;
  code?: (descriptor: Descriptor) => Promise<CodeDelivery | undefined>;
}

/** A repetition's outcome plus where on the cluster it ran. */
export interface KubernetesRepetitionOutcome extends RepetitionOutcome {
  cluster: ClusterPlacement;
  /** How the code under test reached the pods, in script mode. */
  code?: BackendInfo["code"];
}

/**
 * One repetition on the cluster: render, create, watch until done while streaming the
 * benchmark's (and the server's) log through the metric extractor, then conclude, clean
 * up and describe what happened.
 */
export async function runKubernetesRepetition(
  request: RepetitionRequest,
  settings: RepetitionSettings,
): Promise<KubernetesRepetitionOutcome> {
  const { api, namespace, clock } = settings;
  const descriptor = withTimeLimit(request.descriptor, request.timeLimitMs);
  const code = await settings.code?.(request.descriptor);
  const workload = describeWorkload(render(descriptor, settings, code));
  const placement: ClusterPlacement = { ...settings.cluster, namespace, nodes: [] };
  const notes: string[] = [];
  const codeInfo = code === undefined ? undefined : codeReceipt(code, workload);
  const logs: RepetitionOutcome["logs"] = { output: request.logFile };
  const cancelled = (): KubernetesRepetitionOutcome => ({
    ...emptyOutcome(logs, notes, placement),
    ...(codeInfo === undefined ? {} : { code: codeInfo }),
    status: "error",
    reason: "cancelled",
  });
  if (request.signal?.aborted === true) return cancelled();

  await mkdir(dirname(request.logFile), { recursive: true });
  const clientExtractor = createMetricExtractor(descriptor.output.metrics, settings.extractor);
  const sinkOptions = { onOutput: request.onOutput, secrets: request.secrets };
  const clientLog = await openOutputLog(request.logFile, { ...sinkOptions, extractor: clientExtractor });
  const server = descriptor.server;
  const serverExtractor =
    server === undefined ? undefined : createMetricExtractor(server.output.metrics, settings.extractor);
  let serverLog: OutputLog | undefined;
  if (serverExtractor !== undefined && workload.serverComponent !== undefined) {
    logs.server = request.serverLogFile ?? request.logFile.replace(/(\.log)?$/, ".server.log");
    serverLog = await openOutputLog(logs.server, { ...sinkOptions, extractor: serverExtractor });
  }

  const collector = createLogCollector({
    api,
    namespace,
    clock,
    workload,
    benchmarkLog: clientLog,
    ...(serverLog === undefined ? {} : { serverLog }),
  });
  // Pods may be gone by the end (MPI workers are cleaned up): remember their nodes as they are placed.
  const nodeNames = new Set<string>();
  const notePods = (pods: V1Pod[]) => {
    for (const pod of pods) if (pod.spec?.nodeName !== undefined) nodeNames.add(pod.spec.nodeName);
  };

  const started = clock.now();
  try {
    await createWorkload(api, namespace, workload);
    let watched: Awaited<ReturnType<typeof watchRun>>;
    try {
      watched = await watchRun({
        api,
        namespace,
        workload,
        clock,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        ...(request.timeLimitMs === undefined
          ? {}
          : { clientDeadline: started + request.timeLimitMs + settings.clientGraceMs }),
        unschedulableTimeoutMs: settings.unschedulableTimeoutMs,
        onPods: (pods) => {
          notePods(pods);
          collector.follow(pods);
        },
      });
    } catch (error) {
      await deleteWorkload(api, namespace, workload);
      throw explainApiError(error, { verb: "watch", type: POD, namespace });
    }
    const { verdict } = watched;
    const finalPods = await freshPods(api, namespace, workload, watched.pods);
    notePods([...watched.gonePods, ...watched.pods, ...finalPods]);
    if (verdict.end === "succeeded" || verdict.end === "failed") {
      // The container has ended, so its log ends by itself once fully sent.
      collector.follow(finalPods);
      await collector.drain("benchmark", settings.logDrainMs);
    }
    const events =
      verdict.end === "failed" || verdict.end === "blocked" ? await podEvents(api, namespace, finalPods) : [];
    const conclusion = concludeRun({
      verdict,
      workload,
      namespace,
      pods: finalPods,
      events,
      ...(request.timeLimitMs === undefined ? {} : { timeLimitMs: request.timeLimitMs }),
      clientGraceMs: settings.clientGraceMs,
      unschedulableTimeoutMs: settings.unschedulableTimeoutMs,
      ...(watched.unschedulable === undefined ? {} : { unschedulable: watched.unschedulable }),
    });
    if (conclusion.deleteWorkload) {
      const trouble = await deleteWorkload(api, namespace, workload);
      if (trouble !== undefined) notes.push(trouble);
    }
    // A container still running ends, and its log with it, once its pod is deleted.
    await collector.drain("benchmark", verdict.end === "cancelled" ? 0 : settings.logDrainMs);
    notes.push(...(await deleteOwned(api, namespace, workload)));
    // Deleting the server stops it; what it prints on the way out is still read.
    await collector.drain("server", verdict.end === "cancelled" ? 0 : settings.serverStopGraceMs);
    notes.push(...collector.failures());

    const benchmarkPod = podsOf(finalPods, workload.benchmarkComponent).at(-1);
    const ended = terminatedState(benchmarkPod && mainContainerStatus(benchmarkPod));
    placement.nodes = await settings.nodes.describe([...nodeNames]);
    return {
      exitCode: conclusion.exitCode !== undefined ? conclusion.exitCode : (ended?.exitCode ?? null),
      signal: null,
      durationMs: containerDuration(ended) ?? Math.round(clock.now() - started),
      status: conclusion.status,
      reason: conclusion.reason,
      ...mergeExtractions(clientExtractor.finish(), serverExtractor?.finish(), notes),
      logs,
      notes,
      cluster: placement,
      ...(codeInfo === undefined ? {} : { code: codeInfo }),
    };
  } finally {
    collector.stopAll();
    await clientLog.close();
    await serverLog?.close();
  }
}

/** The object's deadline follows the repetition's limit (a CLI override included), not only the descriptor's. */
function withTimeLimit(descriptor: Descriptor, timeLimitMs: number | undefined): Descriptor {
  const run = { ...descriptor.run };
  if (timeLimitMs === undefined) delete run.timeoutMs;
  else run.timeoutMs = timeLimitMs;
  return { ...descriptor, run };
}

function render(descriptor: Descriptor, settings: RepetitionSettings, code: CodeDelivery | undefined) {
  try {
    return renderManifests(descriptor, {
      ...settings.render,
      runId: settings.newRunId(),
      namespace: settings.namespace,
      ...(code === undefined ? {} : { code }),
    });
  } catch (error) {
    if (!(error instanceof KubernetesRenderError)) throw error;
    throw new RunnerError(error.message, { phase: "prepare", hint: error.hint, cause: error });
  }
}

/** The pods as they are now (the watch may lag the Job's condition); the watched ones if listing fails. */
async function freshPods(api: ClusterApi, namespace: string, workload: Workload, watched: V1Pod[]) {
  try {
    return (await api.list(POD, namespace, { labelSelector: workload.podSelector }))
      .items as unknown as V1Pod[];
  } catch {
    return watched;
  }
}

/** The pods' events for the diagnosis (scheduling, image pulls); none when they cannot be read. */
async function podEvents(api: ClusterApi, namespace: string, pods: V1Pod[]): Promise<CoreV1Event[]> {
  const lists = await Promise.all(
    pods.map((pod) =>
      api
        .list(EVENT, namespace, { fieldSelector: `involvedObject.name=${podName(pod)}` })
        .then((list) => list.items as unknown as CoreV1Event[])
        .catch(() => []),
    ),
  );
  return lists.flat();
}

function containerDuration(
  ended: { startedAt?: unknown; finishedAt?: unknown } | undefined,
): number | undefined {
  const start = timeOf(ended?.startedAt);
  const finish = timeOf(ended?.finishedAt);
  return start === undefined || finish === undefined || finish < start ? undefined : finish - start;
}

function emptyOutcome(
  logs: RepetitionOutcome["logs"],
  notes: string[],
  cluster: ClusterPlacement,
): Omit<KubernetesRepetitionOutcome, "status" | "reason"> {
  return {
    exitCode: null,
    signal: null,
    durationMs: 0,
    metrics: {},
    undeclaredMetrics: {},
    logs,
    notes,
    cluster,
  };
}

/** The receipt's `backend.code` for a bundle delivered to this workload. */
function codeReceipt(code: CodeDelivery, workload: Workload): BackendInfo["code"] {
  const configMap = workload.owned.find((object) => object.kind === "ConfigMap")?.metadata.name;
  return {
    mode: "checkout",
    delivery: code.kind,
    path: WORKSPACE_PATH,
    commit: code.commit,
    bundleSha256: code.sha256,
    bundleBytes: code.size,
    location: code.kind === "s3" ? code.url : `configmap/${configMap ?? ""}`,
  };
}
