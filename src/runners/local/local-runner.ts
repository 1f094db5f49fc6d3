import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DataSettings } from "../../data/data-settings.js";
import type { Descriptor } from "../../descriptor/types.js";
import { METRICS_FILE_ENV } from "../../metrics/emit-record.js";
import { feedEmitFile } from "../../metrics/extract-file.js";
import { createMetricExtractor, type ExtractorOptions } from "../../metrics/metric-extractor.js";
import {
  DEFAULT_TELEMETRY,
  startTelemetry,
  type TelemetrySettings,
  telemetryBaseline,
} from "../../telemetry/telemetry-monitor.js";
import { describeCutLog } from "../capped-log.js";
import { mergeExtractions } from "../merge-extractions.js";
import { type RepetitionOutcome, type RepetitionRequest, type Runner, RunnerError } from "../runner.js";
import { commandLine, composeEnv, inferenceServerEnv } from "./benchmark-env.js";
import { placeDataSources, rewriteDataPaths } from "./data-sources.js";
import { judgeExit } from "./exit-status.js";
import { startInferenceServer } from "./inference-server.js";
import { startLoggedProcess } from "./logged-process.js";
import { prepareLocalData } from "./prepare-local-data.js";

/** Recorded in every local outcome: the image is part of the descriptor, not of this run. */
export const DOCKER_IMAGE_NOTE =
  "env.docker_image is recorded, not used: the local runner runs the benchmark directly on this machine";

export interface LocalRunnerOptions {
  /** Time between SIGTERM and SIGKILL when stopping a process group. Default 5000 ms. */
  graceMs?: number;
  /** Readiness probes allowed beyond failure_threshold before a server counts as never ready. Default 60. */
  readinessAllowanceProbes?: number;
  extractor?: ExtractorOptions;
  /** Where remote data is cached and how it is fetched; default: the user's cache folder. */
  data?: DataSettings;
  /** GPU and process sampling while the benchmark runs; default: on, every second. */
  telemetry?: TelemetrySettings;
  /** Bytes of a log's head and tail kept; default 8 MiB each. */
  logCap?: { headBytes?: number; tailBytes?: number };
}

/**
 * The runner for `--backend local`: runs `ml.benchmark_code ml.args` with /bin/sh on this
 * machine, in the descriptor's folder, as its own process group (see docs/local-runner.md).
 */
export function createLocalRunner(options: LocalRunnerOptions = {}): Runner {
  const settings: Settings = {
    graceMs: options.graceMs ?? 5000,
    allowanceProbes: options.readinessAllowanceProbes ?? 60,
    extractor: options.extractor ?? {},
    data: options.data,
    telemetry: options.telemetry ?? DEFAULT_TELEMETRY,
    logCap: options.logCap ?? {},
  };
  return {
    kind: "local",
    prepare: (request) => prepareLocalData(request, settings.data),
    runRepetition: (request) => runLocalRepetition(request, settings),
  };
}

type Settings = {
  graceMs: number;
  allowanceProbes: number;
  extractor: ExtractorOptions;
  data: DataSettings | undefined;
  telemetry: TelemetrySettings;
  logCap: { headBytes?: number; tailBytes?: number };
};

async function runLocalRepetition(
  request: RepetitionRequest,
  settings: Settings,
): Promise<RepetitionOutcome> {
  const { descriptor } = request;
  const code = descriptor.ml.benchmarkCode?.trim();
  if (code === undefined || code === "") {
    throw new RunnerError(
      `${descriptor.path}: ml.benchmark_code is not set, so there is nothing to run locally`,
      {
        phase: "prepare",
        hint: "set ml.benchmark_code to the command that runs the benchmark (locally there is no container entrypoint)",
      },
    );
  }
  await mkdir(request.workDir, { recursive: true });
  const prepared = request.prepared ?? (await prepareLocalData(request, settings.data));
  const data = await placeDataSources(prepared.data, request.workDir);
  const models = await placeDataSources(prepared.models, request.workDir, "MODEL");
  const notes = baseNotes(descriptor);
  const metricsFile = join(request.workDir, "metrics.jsonl");
  await writeFile(metricsFile, "");
  const logs: RepetitionOutcome["logs"] = { output: request.logFile };
  const clientExtractor = createMetricExtractor(descriptor.output.metrics, settings.extractor);
  const base = composeEnv(request.env, descriptor.env.vars, data.env, { [METRICS_FILE_ENV]: metricsFile });

  let server: Awaited<ReturnType<typeof startInferenceServer>> | undefined;
  let serverEnv: Record<string, string> = {};
  if (descriptor.hardware.strategy === "inference" && descriptor.server !== undefined) {
    logs.server = request.serverLogFile ?? request.logFile.replace(/(\.log)?$/, ".server.log");
    server = await startInferenceServer(descriptor.server, {
      request,
      models,
      logFile: logs.server,
      graceMs: settings.graceMs,
      allowanceProbes: settings.allowanceProbes,
      extractor: settings.extractor,
    });
    if (!server.ready.ready) {
      const ended = await server.stop();
      const status = server.ready.reason === "cancelled" ? "error" : "failed";
      return {
        exitCode: null,
        signal: null,
        durationMs: 0,
        status,
        reason: server.ready.reason,
        ...mergeExtractions(clientExtractor.finish(), ended.extraction, notes),
        logs,
        notes,
      };
    }
    serverEnv = inferenceServerEnv(descriptor.server.env.ports);
  }

  const baseline = settings.telemetry.enabled ? await telemetryBaseline() : undefined;
  const client = await startLoggedProcess(
    commandLine(code, rewriteDataPaths(descriptor.ml.args ?? "", data.replacements)),
    {
      cwd: request.cwd,
      env: { ...base, ...serverEnv },
      logFile: request.logFile,
      extractor: clientExtractor,
      onOutput: request.onOutput,
      graceMs: settings.graceMs,
      timeLimitMs: request.timeLimitMs,
      signal: request.signal,
      logCap: settings.logCap,
      ...(request.secrets === undefined ? {} : { secrets: request.secrets }),
    },
  );
  const monitor =
    baseline === undefined || client.pid === undefined
      ? undefined
      : startTelemetry(settings.telemetry, { pid: client.pid, env: { ...base, ...serverEnv }, baseline });
  const { exit, stoppedBy, log, leftovers } = await client.done;
  const telemetry = await monitor?.stop(exit.durationMs).catch((error: Error) => {
    notes.push(`telemetry was lost: ${error.message}`);
    return undefined;
  });
  if (leftovers.length > 0) notes.push(describeLeftovers(leftovers));
  const cut = describeCutLog(log);
  if (cut !== undefined) notes.push(cut);
  const serverEnded = await server?.stop();
  if (serverEnded?.note !== undefined) notes.push(serverEnded.note);
  await feedEmitFile(metricsFile, clientExtractor);
  const verdict = judgeExit("the benchmark", exit, stoppedBy, request.timeLimitMs);
  return {
    exitCode: exit.exitCode,
    signal: exit.signal,
    durationMs: Math.round(exit.durationMs),
    ...verdict,
    ...mergeExtractions(clientExtractor.finish(), serverEnded?.extraction, notes),
    logs,
    notes,
    ...(telemetry === undefined ? {} : { telemetry }),
  };
}

function baseNotes(descriptor: Descriptor): string[] {
  const notes: string[] = [];
  if (descriptor.env.dockerImage !== "") notes.push(DOCKER_IMAGE_NOTE);
  const strategy = descriptor.hardware.strategy;
  if (strategy !== "single_node" && strategy !== "inference") {
    notes.push(
      `strategy ${strategy} runs as one local process: the local runner does not start several instances`,
    );
  }
  return notes;
}

/** Processes that outlived the benchmark outside its group (setsid daemons): stopped, and said so. */
export function describeLeftovers(leftovers: ReadonlyArray<{ pid: number; command: string }>): string {
  const list = leftovers.map((p) => `${p.pid} (${p.command || "?"})`).join(", ");
  return `${leftovers.length} process(es) the benchmark started were still running after it ended, outside its process group, and were stopped: ${list}`;
}
