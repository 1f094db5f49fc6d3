import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { RepositoryConfig } from "../../config/types.js";
import type { DataSettings } from "../../data/data-settings.js";
import { METRICS_FILE_ENV } from "../../metrics/emit-record.js";
import { feedEmitFile } from "../../metrics/extract-file.js";
import { createMetricExtractor, type ExtractorOptions } from "../../metrics/metric-extractor.js";
import type { BackendInfo } from "../../results/receipt-types.js";
import { describeCutLog } from "../capped-log.js";
import { type CheckoutInfo, codeMode, WORKSPACE_PATH } from "../code-placement.js";
import { prepareLocalData } from "../local/prepare-local-data.js";
import { mergeExtractions } from "../merge-extractions.js";
import { newRunId } from "../run-id.js";
import type { RepetitionOutcome, RepetitionRequest, Runner } from "../runner.js";
import { type RunningContainer, startContainer } from "./container.js";
import {
  CONTAINER_METRICS_FILE,
  codeMounts,
  command,
  dataEnv,
  emptyMetricsFile,
  hardware,
} from "./container-parts.js";
import type { ContainerSpec } from "./container-spec.js";
import { judgeContainerExit } from "./container-verdict.js";
import { dataMounts } from "./data-mounts.js";
import type { DockerCli } from "./docker-cli.js";
import { createImageStore, type ImageFacts } from "./images.js";
import { startInferencePair } from "./inference-pair.js";
import { containerBaseName, runLabels } from "./names.js";
import type { DockerSettings } from "./settings.js";

export interface DockerRunnerOptions {
  cli: DockerCli;
  docker: RepositoryConfig["docker"];
  /** The repository the run comes from; with `run.code = "checkout"` it is mounted at /workspace. */
  checkout?: CheckoutInfo;
  /** Where remote data is cached and how it is fetched; default: the user's cache folder. */
  data?: DataSettings;
  /** Readiness probes allowed beyond failure_threshold before a server counts as never ready. Default 60. */
  readinessAllowanceProbes?: number;
  extractor?: ExtractorOptions;
  newRunId?: () => string;
}

/**
 * The runner for `--backend docker`: runs `env.docker_image` with the Docker CLI on this
 * machine (a self-hosted GPU runner), the checkout mounted read-only at /workspace, data
 * mounted read-only at its paths, GPUs, shared memory and privileges as the descriptor says.
 * Containers are named after the run and removed whatever happens (see docs/docker-runner.md).
 */
export function createDockerRunner(options: DockerRunnerOptions): Runner {
  const settings: DockerSettings = {
    cli: options.cli,
    docker: options.docker,
    checkout: options.checkout,
    readinessAllowanceProbes: options.readinessAllowanceProbes ?? 60,
    extractor: options.extractor ?? {},
    newRunId: options.newRunId ?? newRunId,
    images: createImageStore(options.cli, options.docker.pull),
    data: options.data,
  };
  const used = new Map<string, ImageFacts & { role: "benchmark" | "server" }>();
  let code: BackendInfo["code"];
  return {
    kind: "docker",
    // Data and models are fetched and verified on this host once per run, then mounted.
    prepare: (request) => prepareLocalData(request, settings.data),
    async runRepetition(request) {
      const mode = codeMode(request.descriptor, settings.checkout);
      code = codeInfo(mode, settings.checkout);
      const outcome = await runDockerRepetition(request, settings, (role, facts) =>
        used.set(`${role} ${facts.id}`, { role, ...facts }),
      );
      return outcome;
    },
    backendInfo: () => ({
      kind: "docker",
      dockerImageUsed: true,
      images: [...used.values()],
      ...(code === undefined ? {} : { code }),
    }),
  };
}

function codeInfo(mode: "checkout" | "image", checkout: CheckoutInfo | undefined): BackendInfo["code"] {
  if (mode === "image" || checkout === undefined) return { mode: "image" };
  return {
    mode: "checkout",
    delivery: "bind-mount",
    path: WORKSPACE_PATH,
    ...(checkout.commit === undefined ? {} : { commit: checkout.commit }),
    ...(checkout.dirty === undefined ? {} : { dirty: checkout.dirty }),
  };
}

async function runDockerRepetition(
  request: RepetitionRequest,
  settings: DockerSettings,
  noteImage: (role: "benchmark" | "server", facts: ImageFacts) => void,
): Promise<RepetitionOutcome> {
  const { descriptor } = request;
  await mkdir(request.workDir, { recursive: true });
  const image = await settings.images.ensure(descriptor.env.dockerImage);
  noteImage("benchmark", image);
  const base = containerBaseName(descriptor.id, settings.newRunId());
  const runId = base.slice(-8);
  const code = codeMounts(descriptor, request, settings);
  const prepared = request.prepared ?? (await prepareLocalData(request, settings.data));
  const data = dataMounts(prepared.data, { vars: descriptor.env.vars, field: "data.sources" });
  const notes: string[] = [];
  const metricsFile = await emptyMetricsFile(join(request.workDir, "metrics.jsonl"));
  const clientExtractor = createMetricExtractor(descriptor.output.metrics, settings.extractor);
  const logs: RepetitionOutcome["logs"] = { output: request.logFile };
  const spec: ContainerSpec = {
    name: base,
    image: image.reference,
    labels: runLabels(descriptor.id, runId, "benchmark"),
    env: { ...descriptor.env.vars, [METRICS_FILE_ENV]: CONTAINER_METRICS_FILE, ...dataEnv(data) },
    mounts: [
      ...code.mounts,
      ...data,
      { source: metricsFile, target: CONTAINER_METRICS_FILE, readOnly: false },
    ],
    ...(code.workdir === undefined ? {} : { workdir: code.workdir }),
    ...(settings.docker.network === undefined ? {} : { network: settings.docker.network }),
    ...hardware(descriptor.hardware, descriptor.env, settings),
    privileged: descriptor.env.privileged,
    ...command(descriptor.ml.benchmarkCode, descriptor.ml.args),
  };

  const containers: RunningContainer[] = [];
  let pair: Awaited<ReturnType<typeof startInferencePair>> | undefined;
  let pairFinished = false;
  try {
    if (descriptor.hardware.strategy === "inference" && descriptor.server !== undefined) {
      logs.server = request.serverLogFile ?? request.logFile.replace(/(\.log)?$/, ".server.log");
      pair = await startInferencePair({
        request,
        settings,
        base,
        runId,
        code,
        models: prepared.models,
        serverLog: logs.server,
        noteImage: (facts) => noteImage("server", facts),
      });
      notes.push(...pair.notes);
      if (!pair.ready.ready) {
        pairFinished = true;
        const ended = await pair.finish();
        notes.push(...ended.notes);
        return {
          exitCode: null,
          signal: null,
          durationMs: 0,
          status: pair.ready.reason === "cancelled" ? "error" : "failed",
          reason: pair.ready.reason,
          ...mergeExtractions(clientExtractor.finish(), ended.extraction, notes),
          logs,
          notes,
        };
      }
      Object.assign(spec.env, pair.clientEnv);
      spec.network = pair.network;
    }
    const client = await startContainer(settings.cli, spec, {
      phase: "run",
      logFile: request.logFile,
      extractor: clientExtractor,
      ...(request.onOutput === undefined ? {} : { onOutput: request.onOutput }),
      ...(request.secrets === undefined ? {} : { secrets: request.secrets }),
      ...(request.timeLimitMs === undefined ? {} : { timeLimitMs: request.timeLimitMs }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      stopGraceMs: settings.docker.stopGraceMs,
    });
    containers.push(client);
    const exit = await client.done;
    const cut = describeCutLog(exit.log);
    if (cut !== undefined) notes.push(cut);
    pairFinished = true;
    const serverEnded = await pair?.finish();
    notes.push(...(serverEnded?.notes ?? []));
    await feedEmitFile(metricsFile, clientExtractor);
    return {
      exitCode: exit.exitCode,
      signal: null,
      durationMs: Math.round(exit.durationMs),
      ...judgeContainerExit("the benchmark", exit, request.timeLimitMs),
      ...mergeExtractions(clientExtractor.finish(), serverEnded?.extraction, notes),
      logs,
      notes,
    };
  } finally {
    for (const container of containers) {
      const trouble = await container.remove();
      if (trouble !== undefined) notes.push(trouble);
    }
    // Only reached unfinished when something threw: the server and network go all the same.
    if (pair !== undefined && !pairFinished) await pair.finish();
  }
}
