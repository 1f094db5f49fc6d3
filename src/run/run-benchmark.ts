import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Descriptor, Direction } from "../descriptor/types.js";
import { MaatError } from "../errors.js";
import { snapshotResultFiles } from "../harness/find-result-files.js";
import { receiptIdentity } from "../results/receipt-identity.js";
import { resultLocation, writeReceipt } from "../results/receipt-store.js";
import type {
  BackendInfo,
  HostFingerprint,
  RepetitionResult,
  ResultReceipt,
  RunStatus,
  SourceInfo,
} from "../results/receipt-types.js";
import {
  type OutputStream,
  type PreparedRun,
  type RepetitionOutcome,
  type RepetitionRequest,
  type Runner,
  RunnerError,
} from "../runners/runner.js";
import { type AutoRepetitionCheck, autoRepetitionsDone } from "./auto-repetitions.js";
import { summarizeMetrics, undeliveredMetrics } from "./metric-summaries.js";
import type { ProgressEvent } from "./progress.js";
import { addResultFileMetrics } from "./result-files-step.js";
import { type RunOverrides, resolveRunSettings } from "./run-settings.js";
import { declaredMetrics, metricsWithTelemetry, telemetryMetricDefinitions } from "./telemetry-metrics.js";

export interface RunBenchmarkOptions {
  descriptor: Descriptor;
  /** Absolute folder of the descriptor file: the benchmark's working directory. */
  descriptorDir: string;
  runner: Runner;
  resultsDir: string;
  /** The environment the benchmark inherits (the CLI passes its own). */
  env: Record<string, string | undefined>;
  /** Values masked in every log the runner writes (credentials Maat knows of). */
  secrets?: readonly string[];
  overrides?: RunOverrides;
  /** The repository config's `[run]` defaults, for what the descriptor leaves unset. */
  repositoryDefaults?: RunOverrides;
  source: SourceInfo;
  host: HostFingerprint;
  backend: BackendInfo;
  signal: AbortSignal;
  progress?: (event: ProgressEvent) => void;
  onOutput?: (chunk: Buffer, stream: OutputStream) => void;
  /** For `repetitions = "auto"`: whether the metrics are precise enough to stop. */
  precisionCheck?: AutoRepetitionCheck;
  now?: () => Date;
}

export interface BenchmarkRun {
  receipt: ResultReceipt;
  receiptPath: string;
}

/**
 * Runs warm-ups and measured repetitions of one benchmark and writes its receipt, which is
 * always written, before anything else happens with it, whatever the outcome.
 */
export async function runBenchmark(options: RunBenchmarkOptions): Promise<BenchmarkRun> {
  const { descriptor, runner, signal } = options;
  const now = options.now ?? (() => new Date());
  const settings = resolveRunSettings(descriptor.run, options.overrides, options.repositoryDefaults);
  const started = now();
  const location = resultLocation(options.resultsDir, descriptor.id, started, options.source.commit);
  await mkdir(location.logDir, { recursive: true });
  // Work folders (data links, the metrics file, whatever a benchmark writes there) live outside
  // the results tree, so nothing a benchmark leaves can pass for a receipt; removed after the run.
  const workRoot = await mkdtemp(path.join(tmpdir(), "maat-work-"));
  const report = (event: ProgressEvent) => options.progress?.(event);
  const elapsed = () => now().getTime() - started.getTime();

  report({
    kind: "start",
    benchmark: descriptor.id,
    warmup: settings.warmup,
    repetitions: settings.repetitions,
    maxRepetitions: settings.maxRepetitions,
  });

  const repetitions: RepetitionResult[] = [];
  let stopReason = "";
  let failure: { status: RunStatus; reason: string } | undefined;
  const measuredTarget = settings.repetitions === "auto" ? settings.maxRepetitions : settings.repetitions;
  const durations: number[] = [];
  const notes = new Set<string>();
  const undeclared = new Map<string, { unit: string; direction?: Direction }>();

  // Data is fetched and verified once, before the first repetition; a source that cannot be
  // provided ends the run with a receipt saying why.
  let prepared: PreparedRun | undefined;
  if (runner.prepare !== undefined) {
    try {
      prepared = await runner.prepare({
        descriptor,
        cwd: options.descriptorDir,
        env: options.env,
        signal,
        report: (message) => report({ kind: "data", benchmark: descriptor.id, message }),
      });
    } catch (error) {
      if (!(error instanceof MaatError)) throw error;
      failure = { status: "error", reason: error.hint ? `${error.message} (${error.hint})` : error.message };
    }
  }

  const runOne = async (warmup: boolean, index: number, of: number): Promise<RepetitionResult> => {
    const name = `${warmup ? "warmup" : "rep"}-${index}`;
    const repetitionStart = now();
    const filesBefore = await snapshotResultFiles(options.descriptorDir, descriptor.output.files ?? []);
    const ran = await runRepetitionSafely(runner, {
      descriptor,
      cwd: options.descriptorDir,
      logFile: path.join(location.logDir, `${name}.log`),
      workDir: path.join(workRoot, name),
      env: options.env,
      ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      timeLimitMs: settings.timeoutMs,
      signal,
      onOutput: options.onOutput,
      ...(prepared === undefined ? {} : { prepared }),
    });
    const outcome = await addResultFileMetrics(ran, {
      descriptor,
      cwd: options.descriptorDir,
      before: filesBefore,
      runnerKind: runner.kind,
      keepDir: path.join(location.logDir, `${name}.files`),
    });
    const result: RepetitionResult = {
      index,
      warmup,
      startedAt: repetitionStart.toISOString(),
      durationMs: outcome.durationMs,
      exitCode: outcome.exitCode,
      signal: outcome.signal,
      status: outcome.status,
      metrics: metricsWithTelemetry(descriptor, outcome),
      logs: outcome.logs,
      ...(outcome.telemetry === undefined ? {} : { telemetry: outcome.telemetry }),
    };
    if (outcome.reason) result.reason = outcome.reason;
    for (const note of outcome.notes) notes.add(note);
    for (const [name, found] of Object.entries(outcome.undeclaredMetrics)) undeclared.set(name, found);
    durations.push(outcome.durationMs);
    const left = warmup ? settings.warmup - index + measuredTarget : measuredTarget - index;
    const average = durations.reduce((a, b) => a + b, 0) / durations.length;
    const event: ProgressEvent = {
      kind: "repetition",
      benchmark: descriptor.id,
      warmup,
      index,
      of,
      status: outcome.status,
      durationMs: outcome.durationMs,
      elapsedMs: elapsed(),
    };
    if (settings.repetitions !== "auto" || warmup) event.remainingMs = average * left;
    if (outcome.reason) event.reason = outcome.reason;
    report(event);
    return result;
  };

  try {
    for (let index = 1; index <= settings.warmup && !failure; index++) {
      const result = await runOne(true, index, settings.warmup);
      repetitions.push(result);
      if (result.status !== "succeeded")
        failure = { status: result.status, reason: `warm-up ${index}: ${result.reason ?? result.status}` };
    }
    for (let index = 1; index <= measuredTarget && !failure; index++) {
      const result = await runOne(false, index, measuredTarget);
      repetitions.push(result);
      if (result.status !== "succeeded") {
        failure = { status: result.status, reason: `repetition ${index}: ${result.reason ?? result.status}` };
        break;
      }
      if (settings.repetitions === "auto") {
        const check = autoRepetitionsDone(descriptor, repetitions, settings, options.precisionCheck);
        if (check.done) {
          stopReason = check.reason;
          break;
        }
      }
    }
  } finally {
    await rm(workRoot, { recursive: true, force: true });
  }

  const metrics = summarizeMetrics(
    [...allDeclaredMetrics(descriptor), ...telemetryMetricDefinitions(descriptor, repetitions)],
    repetitions,
    undeclared,
  );
  let status: RunStatus = "succeeded";
  let reason: string | undefined;
  if (failure) {
    status = failure.status;
    reason = failure.reason;
    stopReason =
      repetitions.length === 0
        ? `nothing ran (${failure.reason})`
        : `stopped at the first failure (${failure.reason})`;
  } else {
    const missing = undeliveredMetrics(allDeclaredMetrics(descriptor), metrics);
    if (missing.length > 0) {
      status = "failed";
      reason = `declared metric(s) never produced a value: ${missing.join(", ")}`;
    }
    if (!stopReason) {
      const measured = repetitions.filter((r) => !r.warmup).length;
      stopReason =
        settings.repetitions === "auto"
          ? `cap of ${settings.maxRepetitions} repetitions reached before ${settings.targetPrecision * 100}% precision`
          : `${measured} repetition(s) completed as configured`;
    }
  }

  const ended = now();
  const receipt: ResultReceipt = {
    ...receiptIdentity(descriptor, location.resultId),
    source: options.source,
    host: options.host,
    backend: runner.backendInfo?.() ?? options.backend,
    settings: {
      repetitions: settings.repetitions,
      warmup: settings.warmup,
      ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
      maxRepetitions: settings.maxRepetitions,
      targetPrecision: settings.targetPrecision,
    },
    stopReason,
    startedAt: started.toISOString(),
    endedAt: ended.toISOString(),
    durationMs: ended.getTime() - started.getTime(),
    status,
    ...(reason === undefined ? {} : { reason }),
    repetitions,
    metrics,
    ...(prepared !== undefined && prepared.data.length > 0
      ? { data: prepared.data.map((p) => p.record) }
      : {}),
    ...(prepared !== undefined && prepared.models.length > 0
      ? { models: prepared.models.map((p) => p.record) }
      : {}),
    notes: [...notes],
    logDir: location.logDir,
  };
  await writeReceipt(location.receiptPath, receipt);
  report({
    kind: "done",
    benchmark: descriptor.id,
    status,
    stopReason,
    receiptPath: location.receiptPath,
    elapsedMs: elapsed(),
  });
  return { receipt, receiptPath: location.receiptPath };
}

/**
 * A runner that cannot even start a repetition (no command, unusable data source) throws a
 * RunnerError; that is an outcome like any other, so the receipt is still written.
 */
async function runRepetitionSafely(runner: Runner, request: RepetitionRequest): Promise<RepetitionOutcome> {
  try {
    return await runner.runRepetition(request);
  } catch (error) {
    if (!(error instanceof RunnerError)) throw error;
    return {
      exitCode: null,
      signal: null,
      durationMs: 0,
      status: "error",
      reason: error.hint ? `${error.message} (${error.hint})` : error.message,
      metrics: {},
      undeclaredMetrics: {},
      logs: { output: request.logFile },
      notes: [],
    };
  }
}

const allDeclaredMetrics = declaredMetrics;
