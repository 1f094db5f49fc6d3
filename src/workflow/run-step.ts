import path from "node:path";
import { loadRepositoryConfig } from "../config/index.js";
import { loadDescriptor } from "../descriptor/index.js";
import { MaatError } from "../errors.js";
import { readHostFingerprint } from "../results/host-fingerprint.js";
import { readSourceInfo } from "../results/source-info.js";
import { pushRunReceipts } from "../results/store/push-run-receipts.js";
import { formatProgress } from "../run/progress.js";
import type { BenchmarkRun } from "../run/run-benchmark.js";
import { runDescriptors } from "../run/run-descriptors.js";
import type { BackendName } from "../runners/create-runner.js";
import type { StepReporter, WorkflowContext } from "./workflow-context.js";

export interface RunStepOptions {
  context: WorkflowContext;
  configPath: string;
  /** Descriptor files of this matrix job, relative to the workspace. */
  descriptors: string[];
  resultsDir: string;
  baselinesDir: string;
  repetitions: number | "auto" | undefined;
  runnerLabels: string[];
  /** The matrix entry's backend; default: the descriptor's, then the config's routing. */
  backend: BackendName | undefined;
  env: Record<string, string | undefined>;
  reporter: StepReporter;
  signal: AbortSignal;
  /** Push receipts to the results store after the run; undefined: when maat.toml names a store. */
  pushResults?: boolean | undefined;
}

/**
 * `command: run`: runs this matrix job's benchmarks and writes their receipts. Receipts are
 * on disk before the step ends; the workflow uploads them as an artifact (even on failure).
 */
export async function runStep(options: RunStepOptions): Promise<BenchmarkRun[]> {
  const { context, reporter } = options;
  const repoRoot = context.workspace;
  if (options.descriptors.length === 0) {
    throw new MaatError('input "descriptor" is empty', {
      hint: "pass this job's descriptors as the descriptor input: join(matrix.descriptors, ',')",
    });
  }
  const config = await loadRepositoryConfig(
    repoRoot,
    options.configPath !== "maat.toml" ? { path: options.configPath } : {},
  );
  const env = { ...options.env, MAAT_RUNNER_LABELS: options.runnerLabels.join(",") };
  const [source, host] = await Promise.all([readSourceInfo(repoRoot, env), readHostFingerprint(env)]);
  const descriptors = [];
  for (const file of options.descriptors) {
    const absolute = path.resolve(repoRoot, file);
    const inside = path.relative(repoRoot, absolute);
    // The matrix names files of this repository; anything else is not a benchmark of it.
    if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) {
      throw new MaatError(`descriptor "${file}" is outside the repository`, {
        hint: "pass descriptor paths relative to the repository root, as the plan's matrix does",
      });
    }
    descriptors.push(await loadDescriptor(file, { repoRoot }));
  }
  const runs = await runDescriptors({
    descriptors,
    repoRoot,
    config,
    env,
    source,
    host,
    resultsDir: path.resolve(repoRoot, options.resultsDir),
    baselinesDir: path.resolve(repoRoot, options.baselinesDir),
    overrides: options.repetitions === undefined ? {} : { repetitions: options.repetitions },
    ...(options.backend === undefined ? {} : { backend: options.backend }),
    environment: "ci",
    signal: options.signal,
    progress: (event) => reporter.info(formatProgress(event)),
    onOutput: (chunk) => reporter.info(chunk.toString("utf8").replace(/\n$/, "")),
    log: (message) => reporter.info(message),
    around: (descriptor, work) => reporter.group(`Benchmark ${descriptor.id}`, work),
  });
  reporter.setOutput("receipt-path", runs.map((r) => path.relative(repoRoot, r.receiptPath)).join("\n"));
  if (options.pushResults ?? config.results.store !== undefined) {
    // The receipts are on disk (and go into the artifact) whatever happens to the upload.
    const pushed = await pushRunReceipts(
      config,
      runs.map((r) => r.receiptPath),
      { repoRoot, env, info: (m) => reporter.info(m), warn: (m) => reporter.warning(m) },
    );
    reporter.setOutput("pushed", String(pushed.filter((p) => p.outcome !== "failed").length));
  }
  const failed = runs.filter((r) => r.receipt.status !== "succeeded");
  reporter.setOutput("failed", String(failed.length));
  if (failed.length > 0) {
    throw new MaatError(
      failed
        .map((r) => `${r.receipt.benchmark.id} ${r.receipt.status}: ${r.receipt.reason ?? "no reason"}`)
        .join("; "),
      { hint: "see the benchmark's log in the results artifact", exitCode: 1 },
    );
  }
  return runs;
}
