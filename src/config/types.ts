/**
 * The repository config (`maat.toml`): what is not per benchmark. Keys are the camelCase
 * forms of the TOML keys; defaults are filled in (see DEFAULT_CONFIG and docs/config.md).
 */

import type { S3Config } from "../storage/s3-settings.js";

export type Backend = "local" | "docker" | "kubernetes";

/** When the Docker runner pulls an image: only when absent (default), before every run, or never. */
export type PullPolicy = "missing" | "always" | "never";

/** Routes descriptors by `hardware.instance_type` to runner labels (first matching rule wins). */
export interface RunnerRule {
  /** Globs over instance type names ("p3.*"); `instance_type` and `instance_types` merged. */
  instanceTypes: string[];
  /** `runs-on` labels of the self-hosted runners that have this hardware. */
  runsOn: string[];
  /** Backend for these instance types; unset falls back to `kubernetes.instance_types`, then local. */
  backend?: Backend;
}

export interface Toleration {
  key?: string;
  operator?: "Equal" | "Exists";
  value?: string;
  effect?: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
  tolerationSeconds?: number;
}

export interface RepositoryConfig {
  /** Path of the file this came from, relative to the repository root; undefined: built-in defaults. */
  file?: string;
  /** Globs of descriptor files, relative to the repository root. */
  descriptors: string[];
  runners: { default: string[]; rules: RunnerRule[] };
  results: {
    dir: string;
    /** Where receipts are kept beyond this machine: "s3://bucket/prefix" or a folder; unset: only `dir`. */
    store?: string;
  };
  /** Data sources: where they are cached and how they are fetched. */
  data: {
    /** Cache folder, absolute or relative to the repository root; unset: $XDG_CACHE_HOME/maat/data. */
    cacheDir?: string;
    parallel: number;
    retries: number;
    stallTimeoutMs: number;
  };
  /** How s3:// URLs (data sources, the results store) are reached. */
  s3: S3Config;
  /** GPU and process sampling while benchmarks run. */
  telemetry: {
    enabled: boolean;
    intervalMs: number;
    /** The nvidia-smi executable (a name on PATH or a path). */
    nvidiaSmi: string;
  };
  baselines: {
    dir: string;
    maxRuns: number;
    /** Which event commits new baseline runs. */
    commit: "push" | "pull_request";
    /** Branch whose pushes refresh baselines; undefined: the repository's default branch. */
    branch?: string;
  };
  /** Gate settings; unset numbers fall back to the statistics policy (src/stats). */
  compare: {
    sigma?: number;
    minEffect?: number;
    fdr?: number;
    minBaselineRuns?: number;
    failOnRegression: boolean;
    /** Fail the check when a metric's unit, direction or aggregate changed since its baseline (until accepted). */
    failOnIncomparable: boolean;
    /** Extra repetitions run to confirm a suspicious result before calling it (0: none). */
    confirmRepetitions: number;
    /** Consecutive regressed runs on the default branch / schedule before an issue opens. */
    persistence: number;
  };
  issues: { labels: string[]; assignees: string[]; closeAfterGoodRuns: number };
  pullRequests: { runAllLabel: string; trustLabel: string; comment: boolean };
  /** Defaults for descriptors that do not set them; unset: the descriptor format's own defaults. */
  run: {
    repetitions?: number | "auto";
    warmup?: number;
    timeoutMs?: number;
    /** Variables passed to benchmarks in the Action although they look like secrets. */
    passEnv: string[];
    /** Variables never passed to benchmarks. */
    dropEnv: string[];
  };
  schedule: {
    /** How late GitHub may start a scheduled workflow (ms); see src/plan/schedule-window.ts. */
    graceMs: number;
  };
  docker: {
    /** The Docker CLI binary. */
    cli: string;
    pull: PullPolicy;
    /** GPUs for benchmark containers; unset: from the descriptor's hardware. */
    gpus?: "all" | "none" | number;
    /** `--shm-size` for containers with extended_shm, or "host" for `--ipc=host`. */
    shmSize: string;
    /** Network of single-container benchmarks; unset: Docker's default. */
    network?: string;
    stopGraceMs: number;
  };
  kubernetes: {
    kubeconfig?: string;
    context?: string;
    namespace: string;
    datasetCachePvc?: string;
    /** How long a pod may stay unschedulable before the run fails; unset: the runner's default (5 min). */
    unschedulableTimeoutMs?: number;
    /** `s3://bucket/prefix` for code bundles too large for a ConfigMap. */
    codeBucket?: string;
    /** Image of the init containers that fetch code, data and models. */
    fetcherImage?: string;
    nodeSelector: Record<string, string>;
    tolerations: Toleration[];
    /** Globs over instance types that run on the cluster. */
    instanceTypes: string[];
  };
}

/** One thing wrong with a config file; all of them are reported at once. */
export interface ConfigProblem {
  file: string;
  /** 1-based line and column of the offending key or value, when known. */
  line?: number;
  column?: number;
  /** Dotted TOML path of the offending key ("runners.rules[0].runs_on"); "" for the whole file. */
  field: string;
  message: string;
  hint?: string;
}
