import { existsSync } from "node:fs";
import path from "node:path";
import { policyFromConfig } from "../compare/policy-from-config.js";
import { runnerFor } from "../config/index.js";
import type { RepositoryConfig } from "../config/types.js";
import type { Descriptor } from "../descriptor/types.js";
import { ensureResultsDir } from "../results/receipt-store.js";
import type { HostFingerprint, SourceInfo } from "../results/receipt-types.js";
import { benchmarkEnvironment } from "../runners/benchmark-environment.js";
import { type BackendName, createRunner } from "../runners/create-runner.js";
import type { OutputStream } from "../runners/runner.js";
import { precisionReached } from "../stats/precision.js";
import { confirmSuspiciousRun } from "./confirm-suspects.js";
import type { ProgressEvent } from "./progress.js";
import { type BenchmarkRun, runBenchmark } from "./run-benchmark.js";
import type { RunOverrides } from "./run-settings.js";

export interface RunDescriptorsOptions {
  descriptors: Descriptor[];
  repoRoot: string;
  config: RepositoryConfig;
  env: Record<string, string | undefined>;
  source: SourceInfo;
  host: HostFingerprint;
  resultsDir: string;
  baselinesDir: string;
  /** Command-line / action overrides of the descriptors' `[run]` settings. */
  overrides: RunOverrides;
  /** Forces a backend; default: the descriptor's `run.backend`, then the config's routing. */
  backend?: BackendName;
  kubernetes?: { kubeconfig?: string; context?: string; namespace?: string };
  /** Extra repetitions for suspect results; default: the config's `compare.confirm_repetitions`. */
  confirmRepetitions?: number;
  /** "ci" (the Action): benchmarks do not inherit credentials; "local" (default): the user's environment. */
  environment?: "ci" | "local";
  signal: AbortSignal;
  progress: (event: ProgressEvent) => void;
  onOutput?: (chunk: Buffer, stream: OutputStream) => void;
  log: (message: string) => void;
  /** Wraps each benchmark's work (a log group in the action). */
  around?: <T>(descriptor: Descriptor, work: () => Promise<T>) => Promise<T>;
}

/**
 * Runs benchmarks one after another, each on its backend, confirming suspect results with
 * extra repetitions; shared by `maat run` and the action's run step. Stops starting new
 * benchmarks once the signal is aborted.
 */
export async function runDescriptors(options: RunDescriptorsOptions): Promise<BenchmarkRun[]> {
  const { config } = options;
  const around = options.around ?? ((_descriptor, work) => work());
  const runs: BenchmarkRun[] = [];
  await ensureResultsDir(options.resultsDir);
  const environment = benchmarkEnvironment(options.env, {
    mode: options.environment ?? "local",
    passEnv: config.run.passEnv,
    dropEnv: config.run.dropEnv,
  });
  if (environment.dropped.length > 0) {
    options.log(
      `Benchmarks do not see ${environment.dropped.length} variable(s) of this environment: ${environment.dropped.join(", ")} (run.pass_env in maat.toml passes one through)`,
    );
  }
  for (const descriptor of options.descriptors) {
    if (options.signal.aborted) break;
    const { runner, backend } = await createRunner({
      backend: options.backend ?? runnerFor(config, descriptor).backend,
      config,
      env: options.env,
      repoRoot: options.repoRoot,
      ...(options.kubernetes === undefined ? {} : { kubernetes: options.kubernetes }),
      ...(options.source.commit === undefined ? {} : { commit: options.source.commit }),
      checkout: {
        root: options.repoRoot,
        // A .git folder without a commit (a fresh `git init`) has no code to ship.
        isGit: existsSync(path.join(options.repoRoot, ".git")) && options.source.commit !== undefined,
        ...(options.source.commit === undefined ? {} : { commit: options.source.commit }),
        ...(options.source.dirty === undefined ? {} : { dirty: options.source.dirty }),
      },
    });
    const runOnce = (overrides: RunOverrides) =>
      runBenchmark({
        descriptor,
        descriptorDir: path.dirname(path.join(options.repoRoot, descriptor.path)),
        runner,
        resultsDir: options.resultsDir,
        env: environment.env,
        secrets: environment.secrets,
        overrides,
        repositoryDefaults: config.run,
        source: options.source,
        host: options.host,
        backend,
        signal: options.signal,
        progress: options.progress,
        ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
        precisionCheck: (values, target) => precisionReached(values, target, 0.95),
      });
    const run = await around(descriptor, async () =>
      confirmSuspiciousRun(await runOnce(options.overrides), {
        baselinesDir: options.baselinesDir,
        policy: policyFromConfig(config),
        extraRepetitions: options.confirmRepetitions ?? config.compare.confirmRepetitions,
        rerun: (overrides) => runOnce({ ...options.overrides, ...overrides }),
        log: options.log,
      }),
    );
    runs.push(run);
  }
  return runs;
}
