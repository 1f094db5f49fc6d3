import type { PreparedSource } from "../data/prepared-source.js";
import type { Descriptor, Direction } from "../descriptor/types.js";
import { MaatError } from "../errors.js";
import type { BackendInfo, MetricObservation, RunStatus } from "../results/receipt-types.js";
import type { RepetitionTelemetry } from "../telemetry/telemetry-types.js";

/** Where a chunk of live output came from: the benchmark's stdout or stderr, or the inference server. */
export type OutputStream = "stdout" | "stderr" | "server";

/** One repetition to run: everything a runner needs, nothing read from globals. */
export interface RepetitionRequest {
  descriptor: Descriptor;
  /** The descriptor's folder: the benchmark runs there and relative data paths resolve from it. */
  cwd: string;
  /** Combined stdout and stderr of this repetition are written here. */
  logFile: string;
  /** The inference server's log; defaults to the log file's name with `.server.log`. */
  serverLogFile?: string;
  /** A folder of this repetition's own (data links, the metrics file); created when absent. */
  workDir: string;
  /** The base environment (the CLI passes process.env); the descriptor's vars are added to it. */
  env: Record<string, string | undefined>;
  /** Values that must never reach a log (credentials): runners mask them as `***`. */
  secrets?: readonly string[];
  /** Time limit for the benchmark process in milliseconds; undefined means none. */
  timeLimitMs?: number;
  /** Aborting (Ctrl-C) stops the repetition: status `error`, reason "cancelled". */
  signal?: AbortSignal;
  /** Live output, as it arrives, for echoing to a terminal. */
  onOutput?: (chunk: Buffer, stream: OutputStream) => void;
  /** What `Runner.prepare` made ready once for the whole run; runners prepare it themselves when absent. */
  prepared?: PreparedRun;
}

/** Asks a runner to make a run's data ready before its first repetition. */
export interface PrepareRequest {
  descriptor: Descriptor;
  cwd: string;
  env: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Progress lines of long downloads. */
  report?: (line: string) => void;
}

/** Data sources and server models on this host, ready to be placed at their paths. */
export interface PreparedRun {
  data: PreparedSource[];
  models: PreparedSource[];
}

export interface RepetitionOutcome {
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /**
   * The process-level verdict. A benchmark that exits 0 is `succeeded` even when a declared
   * metric is missing or NaN; those problems are in `metrics` and the orchestrator decides.
   */
  status: RunStatus;
  /** One sentence saying what happened, e.g. "the benchmark exited with code 3". */
  reason: string;
  /** Declared metrics (client, then server), then emitted-only ones. */
  metrics: Record<string, MetricObservation>;
  /** Metrics the descriptor does not declare: unit from the emit record or result file; direction when the file says. */
  undeclaredMetrics: Record<string, { unit: string; direction?: Direction }>;
  /** `files`: copies of the result files read after the repetition (`[[output.files]]`). */
  logs: { output: string; server?: string; files?: string[] };
  /** Things a reader of the receipt should know (docker image not used, malformed emit lines, ...). */
  notes: string[];
  /** GPU and process telemetry of the benchmark process, when the runner sampled it. */
  telemetry?: RepetitionTelemetry;
}

export interface Runner {
  readonly kind: "local" | "docker" | "kubernetes";
  runRepetition(request: RepetitionRequest): Promise<RepetitionOutcome>;
  /** Fetches and verifies data once per run (runners that fetch elsewhere, like Kubernetes, have none). */
  prepare?(request: PrepareRequest): Promise<PreparedRun>;
  /** Where the repetitions so far actually ran (cluster, nodes), for the receipt; when the runner knows more than its caller. */
  backendInfo?(): BackendInfo;
}

/** The step of a repetition that failed before or around the benchmark itself. */
export type RunnerPhase = "prepare" | "data" | "server" | "run";

/** A repetition that cannot be run as described (no command, unusable data source, ...). */
export class RunnerError extends MaatError {
  readonly phase: RunnerPhase;

  constructor(message: string, options: { phase: RunnerPhase; hint?: string; cause?: unknown }) {
    super(message, { ...options, exitCode: 2 });
    this.phase = options.phase;
  }
}
