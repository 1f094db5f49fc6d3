import { DEFAULT_GATE_PERSISTENCE } from "../stats/changepoints/gate-persistence.js";
import type { RepositoryConfig } from "./types.js";

/** The config used when a repository has no `maat.toml`: one local runner, files in the repository. */
export const DEFAULT_CONFIG: Readonly<RepositoryConfig> = Object.freeze({
  descriptors: ["benchmarks/**/*.toml"],
  runners: { default: ["self-hosted", "linux"], rules: [] },
  results: { dir: ".maat/results" },
  data: { parallel: 4, retries: 4, stallTimeoutMs: 60_000 },
  s3: { buckets: {} },
  telemetry: { enabled: true, intervalMs: 1000, nvidiaSmi: "nvidia-smi" },
  baselines: { dir: "baselines", maxRuns: 100, commit: "push" },
  compare: {
    failOnRegression: true,
    failOnIncomparable: true,
    confirmRepetitions: 0,
    persistence: DEFAULT_GATE_PERSISTENCE,
  },
  issues: { labels: ["performance-regression"], assignees: [], closeAfterGoodRuns: 2 },
  pullRequests: { runAllLabel: "benchmark:all", trustLabel: "benchmark:trusted", comment: true },
  run: { passEnv: [], dropEnv: [] },
  // GitHub starts scheduled workflows 5-30+ minutes late under load.
  schedule: { graceMs: 60 * 60_000 },
  docker: { cli: "docker", pull: "missing", shmSize: "2g", stopGraceMs: 10_000 },
  kubernetes: { namespace: "default", nodeSelector: {}, tolerations: [], instanceTypes: [] },
} satisfies RepositoryConfig);
