import type { DataRecord } from "../data/prepared-source.js";
import type { Descriptor, Direction } from "../descriptor/types.js";
import type { RepetitionTelemetry } from "../telemetry/telemetry-types.js";

/**
 * The result receipt: one JSON document per run with everything needed to trust or
 * reproduce its numbers. Published as schema/receipt.schema.json; `receiptVersion`
 * changes when the shape does.
 */

export const RECEIPT_VERSION = "1.1" as const;

/** Every version readers accept: 1.1 added data records and telemetry, both optional. */
export type ReceiptVersion = "1.0" | typeof RECEIPT_VERSION;

export type RunStatus = "succeeded" | "failed" | "timed_out" | "error";

/** Why a declared metric has no usable value in a repetition. */
export type MetricProblem = "missing" | "nan" | "infinite" | "non_numeric";

/** One metric as seen in one repetition. */
export interface MetricObservation {
  /** The repetition's value after aggregation; null when there is a problem. */
  value: number | null;
  /** Every value seen, in order (accuracy per epoch, say); capped, see `seriesTruncated`. */
  series: number[];
  /** How many values were seen in total (may exceed series.length). */
  count: number;
  seriesTruncated: boolean;
  /** Where the values came from: the log (pattern), emit records, a result file (`[[output.files]]`) or telemetry. */
  sources: Array<"pattern" | "emit" | "file" | "telemetry">;
  problem?: MetricProblem;
  /** The offending text for `non_numeric` (first occurrence, truncated). */
  problemDetail?: string;
}

export interface RepetitionResult {
  /** 1-based within its kind (warm-up runs and measured runs are numbered separately). */
  index: number;
  warmup: boolean;
  startedAt: string;
  durationMs: number;
  exitCode: number | null;
  signal: string | null;
  status: RunStatus;
  reason?: string;
  metrics: Record<string, MetricObservation>;
  /** Log files of this repetition, relative to the receipt's folder or absolute. */
  logs: { output: string; server?: string; files?: string[] };
  /** GPU and process samples taken while it ran (1.1). */
  telemetry?: RepetitionTelemetry;
}

/** Per-metric summary over the measured (non-warm-up) repetitions. */
export interface MetricSummary {
  name: string;
  unit: string;
  direction: Direction;
  /** One value per measured repetition that produced one. */
  values: number[];
  n: number;
  mean: number | null;
  median: number | null;
  stddev: number | null;
  min: number | null;
  max: number | null;
  /** Problems seen, per repetition index: a declared metric that never appeared is not a zero. */
  problems: Array<{ repetition: number; problem: MetricProblem; detail?: string }>;
}

export interface GpuInfo {
  model: string;
  driver?: string;
  memoryMiB?: number;
}

export interface HostFingerprint {
  hostname: string;
  os: string;
  platform: string;
  kernel: string;
  arch: string;
  cpuModel: string;
  cpuCores: number;
  memoryBytes: number;
  gpus: GpuInfo[];
  nodeVersion: string;
  /** The CI runner's name and labels when known (GitHub Actions sets RUNNER_NAME etc.). */
  runner?: { name?: string; labels?: string[]; os?: string; arch?: string };
}

export interface SourceInfo {
  repository?: string;
  commit?: string;
  branch?: string;
  /** True when the working tree had uncommitted changes. */
  dirty?: boolean;
  pullRequest?: number;
  workflowRunUrl?: string;
}

export interface BackendInfo {
  kind: "local" | "docker" | "kubernetes";
  /** For the local runner: the image named by the descriptor is recorded, not used. */
  dockerImageUsed: boolean;
  note?: string;
  /** Docker: each image that ran, by what it was at run time (id, registry digests), not only its tag. */
  images?: Array<{ role: "benchmark" | "server"; reference: string; id: string; digests: string[] }>;
  /**
   * How the code under test reached the containers: from the image, or the checkout of
   * `commit` (bind-mounted by Docker; a bundle with its sha256 on Kubernetes).
   */
  code?: {
    mode: "checkout" | "image";
    delivery?: "bind-mount" | "configmap" | "s3";
    /** Where the code is inside the containers. */
    path?: string;
    commit?: string;
    /** The working tree had uncommitted changes (a bundle holds only the commit). */
    dirty?: boolean;
    bundleSha256?: string;
    bundleBytes?: number;
    /** The ConfigMap or s3:// URL that carried the bundle. */
    location?: string;
  };
  /** Kubernetes: cluster, namespace, nodes and instance types actually used. */
  cluster?: {
    context?: string;
    server?: string;
    namespace?: string;
    nodes?: Array<{ name: string; instanceType?: string }>;
  };
}

export interface ResultReceipt {
  receiptVersion: ReceiptVersion;
  /** Unique id of this run: `<benchmark-id>/<timestamp>-<shortsha>`. */
  resultId: string;
  tool: { name: "maat"; version: string };
  benchmark: { id: string; path: string; taskName: string; contentHash: string };
  descriptor: Descriptor;
  source: SourceInfo;
  host: HostFingerprint;
  backend: BackendInfo;
  settings: {
    repetitions: number | "auto";
    warmup: number;
    timeoutMs?: number;
    maxRepetitions: number;
    targetPrecision: number;
  };
  /** Why repetitions stopped (fixed count reached, precision reached, cap reached, failure). */
  stopReason: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  status: RunStatus;
  reason?: string;
  repetitions: RepetitionResult[];
  metrics: Record<string, MetricSummary>;
  /** The data sources actually used: checksums seen, sizes, cached or downloaded (1.1). */
  data?: DataRecord[];
  /** The inference server's models, likewise (1.1). */
  models?: DataRecord[];
  /** What a reader should know about how the numbers were obtained (image not used, malformed emit lines...). */
  notes: string[];
  /** Folder holding this run's logs. */
  logDir: string;
}
