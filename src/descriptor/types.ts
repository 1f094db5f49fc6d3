/**
 * The normalized, typed form of a benchmark descriptor (the Anubis descriptor format,
 * spec_version 0.1.0, plus Maat's optional extension). Defaults from the specification
 * are filled in; aliases are resolved (`uri` -> `src`, `client_server` -> `inference`).
 * Produced by `loadDescriptor`; consumed by every runner, the planner and the receipt.
 */

import type { HarnessFormat } from "../harness/types.js";

export type Strategy = "single_node" | "horovod" | "inference" | "mxnet_parameter_server" | "pytorch_ddp";

/** Whether a bigger value of a metric is better, worse, or not known (compared two-sided). */
export type Direction = "higher_is_better" | "lower_is_better" | "unknown";

/** How the many values a metric takes within one run (one log) become that run's value. */
export type Aggregation = "last" | "first" | "mean" | "median" | "min" | "max" | "sum";

/** Comparison thresholds (extension); unset fields fall back to the repository / built-in defaults. */
export interface Thresholds {
  /** Distance from the baseline level, in robust sigmas, needed to call a change. */
  sigma?: number;
  /** Minimum relative change (0.02 = 2%) worth reporting as a regression or improvement. */
  minEffect?: number;
}

export interface MetricDefinition {
  name: string;
  units: string;
  /** Regular expression with exactly one capture group, applied to each log line. Absent: emit protocol only. */
  pattern?: string;
  direction: Direction;
  /** True when `direction` was inferred from the name/units rather than written in the descriptor. */
  directionInferred: boolean;
  aggregate: Aggregation;
  thresholds: Thresholds;
}

/** A metric per joule of GPU energy, derived from telemetry (Maat's extension). */
export interface EfficiencyMetric {
  name: string;
  /** The declared metric divided: a rate (units/s) by mean power, anything else by energy. */
  metric: string;
}

/** A result file another harness writes (`[[output.files]]`), read after each repetition. */
export interface OutputFile {
  /** Relative to the descriptor's folder; may be a glob, and for criterion a folder. */
  path: string;
  format: HarnessFormat;
  /** Which of the file's statistics is a benchmark's value; the format's default when absent. */
  statistic?: string;
  /** Put before every metric name read from this file. */
  prefix?: string;
}

export interface DataSource {
  /** Where the data comes from: `s3://`, `http(s)://`, `file://` or a plain local path. Spec alias: `uri`. */
  src: string;
  /** Where the benchmark expects the data (an absolute container path in the spec). */
  path: string;
  /** md5 hex digest, or `algo:hex` (md5 or sha256): the spec's checksum. */
  md5?: string;
  /** sha256 hex digest (Maat's extension). */
  sha256?: string;
  /** "by-url": reuse what was fetched from this URL before, even without a checksum. */
  cache?: "by-url";
  id?: string;
}

export interface Probe {
  path: string;
  scheme: "http" | "https";
  /** Defaults to the first server port. */
  port: number;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

export interface ServerDefinition {
  hardware: { instanceType: string };
  env: {
    dockerImage: string;
    privileged: boolean;
    extendedShm: boolean;
    ports: number[];
    startCommand: string;
    startCommandArgs?: string;
    vars: Record<string, string>;
    readinessProbe?: Probe;
    livenessProbe?: Probe;
  };
  models: DataSource[];
  output: { metrics: MetricDefinition[] };
}

export interface RunSettings {
  /** Measured repetitions, or "auto": repeat until the CI is narrow enough or maxRepetitions is reached. */
  repetitions: number | "auto";
  warmup: number;
  /** Time limit of one repetition in milliseconds; undefined means none. */
  timeoutMs?: number;
  /** Cap for `repetitions = "auto"` and for confirmation re-runs. */
  maxRepetitions: number;
  /** Target relative half-width of the 95% CI for `repetitions = "auto"` (0.01 = 1%). */
  targetPrecision: number;
  /** Glob patterns over the repository: a pull request touching them plans this benchmark. */
  watch: string[];
  /** Where this benchmark runs when the repository config does not say otherwise. */
  backend?: "local" | "docker" | "kubernetes";
  /**
   * Where the code under test comes from in a container: the commit under test ("checkout",
   * mounted or shipped to the pod) or the image itself. Unset: checkout in a git checkout.
   */
  code?: "checkout" | "image";
  /** Repository paths the Kubernetes code bundle holds; unset: the whole commit. */
  codePaths?: string[];
  /** Default thresholds for every metric of this benchmark. */
  thresholds: Thresholds;
  /**
   * The settings the file leaves unset (filled with the format's defaults above), so the
   * repository config's `[run]` defaults can apply to exactly those.
   */
  defaulted?: Array<"repetitions" | "warmup" | "timeout">;
}

export interface Descriptor {
  /** Stable id derived from the descriptor's path (see `descriptorId`); keys baselines and results. */
  id: string;
  /** Path of the descriptor file relative to the repository root, with forward slashes. */
  path: string;
  /** sha256 (hex) of the canonical JSON form of the normalized content (id/path/hash excluded). */
  contentHash: string;
  specVersion: string;
  /** Version of Maat's extension the file was written for ("1" when absent). */
  extensionVersion: string;
  info: {
    taskName: string;
    description: string;
    /** "single_run" or a cron expression (5 fields, or an @macro). */
    scheduling: string;
    labels: Record<string, string>;
    executionEngine?: string;
  };
  hardware: {
    instanceType: string;
    strategy: Strategy;
    awsZoneId?: string;
    availabilityZone?: string;
    /** Extension: GPUs per instance when the instance type table does not know it. */
    gpusPerInstance?: number;
    /** `processesPerInstance: "gpus"` (Anubis) means one process per GPU of the instance. */
    distributed?: { numInstances: number; processesPerInstance?: number | "gpus" };
  };
  env: {
    dockerImage: string;
    privileged: boolean;
    extendedShm: boolean;
    vars: Record<string, string>;
  };
  ml: {
    benchmarkCode?: string;
    args?: string;
    framework?: string;
    frameworkVersion?: string;
  };
  data: { id?: string; sources: DataSource[] };
  customParams: Record<string, unknown>;
  /** `efficiency` and `files` are absent (not empty) when the file declares none, so older content hashes hold. */
  output: { metrics: MetricDefinition[]; efficiency?: EfficiencyMetric[]; files?: OutputFile[] };
  server?: ServerDefinition;
  run: RunSettings;
}
