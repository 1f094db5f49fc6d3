import { durationMs } from "../duration.js";
import type { S3Settings } from "../storage/s3-settings.js";
import { DEFAULT_CONFIG } from "./defaults.js";
import type { Backend, RepositoryConfig, RunnerRule, Toleration } from "./types.js";

interface RawS3 {
  region?: string;
  endpoint?: string;
  path_style?: boolean;
  anonymous?: boolean;
}

/** The TOML shape after schema validation (snake_case keys, everything optional). */
interface RawConfig {
  descriptors?: string[];
  runners?: {
    default?: string[];
    rules?: Array<{
      instance_type?: string;
      instance_types?: string[];
      runs_on: string[];
      backend?: Backend;
    }>;
  };
  results?: { dir?: string; store?: string };
  data?: { cache_dir?: string; parallel?: number; retries?: number; stall_timeout?: number | string };
  s3?: RawS3 & { buckets?: Record<string, RawS3> };
  telemetry?: { enabled?: boolean; interval?: number | string; nvidia_smi?: string };
  baselines?: { dir?: string; max_runs?: number; commit?: "push" | "pull_request"; branch?: string };
  compare?: {
    sigma?: number;
    min_effect?: number;
    fdr?: number;
    min_baseline_runs?: number;
    fail_on_regression?: boolean;
    fail_on_incomparable?: boolean;
    confirm_repetitions?: number;
    persistence?: number;
  };
  issues?: { labels?: string[]; assignees?: string[]; close_after_good_runs?: number };
  pull_requests?: { run_all_label?: string; trust_label?: string; comment?: boolean };
  run?: {
    repetitions?: number | "auto";
    warmup?: number;
    timeout?: number | string;
    pass_env?: string[];
    drop_env?: string[];
  };
  schedule?: { grace?: number | string };
  docker?: {
    cli?: string;
    pull?: RepositoryConfig["docker"]["pull"];
    gpus?: "all" | "none" | number;
    shm_size?: string;
    network?: string;
    stop_grace?: number | string;
  };
  kubernetes?: {
    kubeconfig?: string;
    context?: string;
    namespace?: string;
    dataset_cache_pvc?: string;
    unschedulable_timeout?: number | string;
    scheduling_timeout?: number | string;
    code_bucket?: string;
    fetcher_image?: string;
    node_selector?: Record<string, string>;
    tolerations?: Array<Omit<Toleration, "tolerationSeconds"> & { toleration_seconds?: number }>;
    instance_types?: string[];
  };
}

/** Turns a validated `maat.toml` value into a RepositoryConfig with every default filled in. */
export function normalizeConfig(value: unknown, file: string | undefined): RepositoryConfig {
  const raw = value as RawConfig;
  const d = DEFAULT_CONFIG;
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    ...(file === undefined ? {} : { file }),
    descriptors: raw.descriptors ?? [...d.descriptors],
    runners: {
      default: raw.runners?.default ?? [...d.runners.default],
      rules: (raw.runners?.rules ?? []).map(
        (rule): RunnerRule =>
          defined({
            instanceTypes: [
              ...(rule.instance_type === undefined ? [] : [rule.instance_type]),
              ...(rule.instance_types ?? []),
            ],
            runsOn: rule.runs_on,
            backend: rule.backend,
          }),
      ),
    },
    results: defined({ dir: raw.results?.dir ?? d.results.dir, store: raw.results?.store }),
    data: defined({
      cacheDir: raw.data?.cache_dir,
      parallel: raw.data?.parallel ?? d.data.parallel,
      retries: raw.data?.retries ?? d.data.retries,
      stallTimeoutMs: durationMs(raw.data?.stall_timeout) ?? d.data.stallTimeoutMs,
    }),
    s3: {
      ...normalizeS3(raw.s3 ?? {}),
      buckets: Object.fromEntries(
        Object.entries(raw.s3?.buckets ?? {}).map(([name, settings]) => [name, normalizeS3(settings)]),
      ),
    },
    telemetry: {
      enabled: raw.telemetry?.enabled ?? d.telemetry.enabled,
      intervalMs: durationMs(raw.telemetry?.interval) ?? d.telemetry.intervalMs,
      nvidiaSmi: raw.telemetry?.nvidia_smi ?? d.telemetry.nvidiaSmi,
    },
    baselines: defined({
      dir: raw.baselines?.dir ?? d.baselines.dir,
      maxRuns: raw.baselines?.max_runs ?? d.baselines.maxRuns,
      commit: raw.baselines?.commit ?? d.baselines.commit,
      branch: raw.baselines?.branch,
    }),
    compare: defined({
      sigma: raw.compare?.sigma,
      minEffect: raw.compare?.min_effect,
      fdr: raw.compare?.fdr,
      minBaselineRuns: raw.compare?.min_baseline_runs,
      failOnRegression: raw.compare?.fail_on_regression ?? d.compare.failOnRegression,
      failOnIncomparable: raw.compare?.fail_on_incomparable ?? d.compare.failOnIncomparable,
      confirmRepetitions: raw.compare?.confirm_repetitions ?? d.compare.confirmRepetitions,
      persistence: raw.compare?.persistence ?? d.compare.persistence,
    }),
    issues: {
      labels: raw.issues?.labels ?? [...d.issues.labels],
      assignees: raw.issues?.assignees ?? [...d.issues.assignees],
      closeAfterGoodRuns: raw.issues?.close_after_good_runs ?? d.issues.closeAfterGoodRuns,
    },
    pullRequests: {
      runAllLabel: raw.pull_requests?.run_all_label ?? d.pullRequests.runAllLabel,
      trustLabel: raw.pull_requests?.trust_label ?? d.pullRequests.trustLabel,
      comment: raw.pull_requests?.comment ?? d.pullRequests.comment,
    },
    run: defined({
      repetitions: raw.run?.repetitions,
      warmup: raw.run?.warmup,
      timeoutMs: raw.run?.timeout === undefined ? undefined : durationMs(raw.run.timeout),
      passEnv: raw.run?.pass_env ?? [],
      dropEnv: raw.run?.drop_env ?? [],
    }),
    schedule: { graceMs: durationMs(raw.schedule?.grace) ?? d.schedule.graceMs },
    docker: defined({
      cli: raw.docker?.cli ?? d.docker.cli,
      pull: raw.docker?.pull ?? d.docker.pull,
      gpus: raw.docker?.gpus,
      shmSize: raw.docker?.shm_size ?? d.docker.shmSize,
      network: raw.docker?.network,
      stopGraceMs: durationMs(raw.docker?.stop_grace) ?? d.docker.stopGraceMs,
    }),
    kubernetes: defined({
      kubeconfig: raw.kubernetes?.kubeconfig,
      context: raw.kubernetes?.context,
      namespace: raw.kubernetes?.namespace ?? d.kubernetes.namespace,
      datasetCachePvc: raw.kubernetes?.dataset_cache_pvc,
      // scheduling_timeout is the older name.
      unschedulableTimeoutMs: durationMs(
        raw.kubernetes?.unschedulable_timeout ?? raw.kubernetes?.scheduling_timeout,
      ),
      codeBucket: raw.kubernetes?.code_bucket,
      fetcherImage: raw.kubernetes?.fetcher_image,
      nodeSelector: raw.kubernetes?.node_selector ?? {},
      tolerations: (raw.kubernetes?.tolerations ?? []).map(({ toleration_seconds, ...rest }) =>
        defined({ ...rest, tolerationSeconds: toleration_seconds }),
      ),
      instanceTypes: raw.kubernetes?.instance_types ?? [],
    }),
  };
}

function normalizeS3(raw: RawS3): S3Settings {
  return Object.fromEntries(
    Object.entries({
      region: raw.region,
      endpoint: raw.endpoint,
      pathStyle: raw.path_style,
      anonymous: raw.anonymous,
    }).filter(([, v]) => v !== undefined),
  ) as S3Settings;
}
