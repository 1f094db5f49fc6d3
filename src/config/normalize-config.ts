import { durationMs } from "../duration.js";
import { DEFAULT_CONFIG } from "./defaults.js";
import type { Backend, RepositoryConfig, RunnerRule, Toleration } from "./types.js";

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
  results?: { dir?: string };
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
  kubernetes?: {
    kubeconfig?: string;
    context?: string;
    namespace?: string;
    dataset_cache_pvc?: string;
    scheduling_timeout?: number | string;
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
    results: { dir: raw.results?.dir ?? d.results.dir },
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
    kubernetes: defined({
      kubeconfig: raw.kubernetes?.kubeconfig,
      context: raw.kubernetes?.context,
      namespace: raw.kubernetes?.namespace ?? d.kubernetes.namespace,
      datasetCachePvc: raw.kubernetes?.dataset_cache_pvc,
      schedulingTimeoutMs:
        raw.kubernetes?.scheduling_timeout === undefined
          ? undefined
          : durationMs(raw.kubernetes.scheduling_timeout),
      nodeSelector: raw.kubernetes?.node_selector ?? {},
      tolerations: (raw.kubernetes?.tolerations ?? []).map(({ toleration_seconds, ...rest }) =>
        defined({ ...rest, tolerationSeconds: toleration_seconds }),
      ),
      instanceTypes: raw.kubernetes?.instance_types ?? [],
    }),
  };
}
