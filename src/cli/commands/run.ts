import path from "node:path";
import { loadRepositoryConfig } from "../../config/index.js";
import { findDescriptorFiles, findRepoRoot, loadDescriptor } from "../../descriptor/index.js";
import type { Descriptor } from "../../descriptor/types.js";
import { durationLimitProblem, parseDuration } from "../../duration.js";
import { UsageError } from "../../errors.js";
import { readHostFingerprint } from "../../results/host-fingerprint.js";
import { readSourceInfo } from "../../results/source-info.js";
import { pushRunReceipts } from "../../results/store/push-run-receipts.js";
import { formatProgress } from "../../run/progress.js";
import type { BenchmarkRun } from "../../run/run-benchmark.js";
import { runDescriptors } from "../../run/run-descriptors.js";
import type { BackendName } from "../../runners/create-runner.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";
import { describeRunSummary } from "./run-summary.js";

const HELP = `maat run: run benchmarks and write their result receipts

Usage: maat run [descriptor.toml | folder]... [options]

With no paths, runs every descriptor under benchmarks/. The benchmark's own output is
streamed to stderr (and to a log file beside the receipt); progress lines go to stderr;
the result summary (or JSON with --json) goes to stdout.

Options:
  --repetitions N|auto  measured repetitions (overrides run.repetitions)
  --warmup N            warm-up repetitions, not measured (overrides run.warmup)
  --timeout D           time limit per repetition, e.g. 90s, 10m, 1h30m (overrides run.timeout)
  --results-dir DIR     where receipts go (default .maat/results)
  --backend B           local, docker or kubernetes (default: the descriptor's run.backend, then
                        maat.toml's routing, then local)
  --namespace NS        kubernetes: namespace (default: maat.toml's kubernetes.namespace)
  --context NAME        kubernetes: kubeconfig context (default: the current context)
  --kubeconfig FILE     kubernetes: kubeconfig (default: maat.toml, $KUBECONFIG, ~/.kube/config)
  --confirm N           when a result looks changed against its baseline, run N more repetitions and
                        merge them before writing the verdict (default: maat.toml's compare.confirm_repetitions, 0)
  --baselines DIR       baselines for --confirm (default baselines)
  --push                after the run, push the receipts and logs to the results store ([results] store
                        in maat.toml); a failed upload keeps the receipt locally and says so
  --quiet               do not echo the benchmark's output (it is still logged)
  --json                print {"runs": [...]} with each receipt's path, status and metrics
  -h, --help            this help

Exit codes: 0 every run succeeded; 1 a benchmark failed, timed out or errored; 2 usage or
descriptor validation error.

Examples:
  maat run benchmarks/hello-world
  maat run benchmarks/pytorch-train-cpu --repetitions 5 --warmup 1
  maat run --timeout 30m --json > runs.json
  maat run benchmarks/hello-world --backend docker
  maat run benchmarks/resnet --backend kubernetes --namespace bench`;

export const runCommand: Command = {
  name: "run",
  help: HELP,
  async run(context) {
    const options = parseRunArguments(context.argv);
    const repoRoot = findRepoRoot(context.cwd);
    const files = await findDescriptorFiles(options.paths, { cwd: context.cwd, repoRoot });
    if (files.length === 0)
      throw new UsageError("no descriptors found", { hint: "pass a descriptor file or folder" });
    // Validate everything before running anything: a typo in the last file should not cost an hour.
    const descriptors: Descriptor[] = [];
    for (const file of files) descriptors.push(await loadDescriptor(file, { repoRoot }));

    const [source, host, config] = await Promise.all([
      readSourceInfo(repoRoot, context.env),
      readHostFingerprint(context.env),
      loadRepositoryConfig(repoRoot),
    ]);
    const runs = await runDescriptors({
      descriptors,
      repoRoot,
      config,
      env: context.env,
      source,
      host,
      resultsDir: path.resolve(context.cwd, options.resultsDir),
      baselinesDir: path.resolve(context.cwd, options.baselinesDir),
      overrides: options.overrides,
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      kubernetes: options.kubernetes,
      ...(options.confirm === undefined ? {} : { confirmRepetitions: options.confirm }),
      signal: context.signal,
      progress: (event) => {
        const shown =
          event.kind === "done"
            ? { ...event, receiptPath: path.relative(context.cwd, event.receiptPath) }
            : event;
        context.stderr.write(`${formatProgress(shown)}\n`);
      },
      ...(options.quiet ? {} : { onOutput: (chunk: Buffer) => context.stderr.write(chunk) }),
      log: (message) => context.stderr.write(`${message}\n`),
    });
    writeResults(context, runs, options.json);
    if (options.push) {
      await pushRunReceipts(
        config,
        runs.map((r) => r.receiptPath),
        {
          repoRoot,
          env: context.env,
          info: (message) => context.stderr.write(`${message}\n`),
          warn: (message) => context.stderr.write(`maat: warning: ${message}\n`),
        },
      );
    }
    return runs.every((run) => run.receipt.status === "succeeded") && runs.length === descriptors.length
      ? 0
      : 1;
  },
};

interface RunArguments {
  paths: string[];
  overrides: { repetitions?: number | "auto"; warmup?: number; timeoutMs?: number };
  resultsDir: string;
  baselinesDir: string;
  confirm?: number;
  backend?: BackendName;
  kubernetes: { kubeconfig?: string; context?: string; namespace?: string };
  quiet: boolean;
  json: boolean;
  push: boolean;
}

function parseRunArguments(argv: string[]): RunArguments {
  const { values, positionals } = parseCommandArgs("run", argv, {
    repetitions: { type: "string" },
    warmup: { type: "string" },
    timeout: { type: "string" },
    "results-dir": { type: "string" },
    baselines: { type: "string" },
    confirm: { type: "string" },
    backend: { type: "string" },
    namespace: { type: "string" },
    context: { type: "string" },
    kubeconfig: { type: "string" },
    quiet: { type: "boolean" },
    json: { type: "boolean" },
    push: { type: "boolean" },
  });
  const overrides: RunArguments["overrides"] = {};
  if (values.repetitions !== undefined) {
    overrides.repetitions =
      values.repetitions === "auto" ? "auto" : wholeNumber("--repetitions", values.repetitions, 1);
  }
  if (values.warmup !== undefined) overrides.warmup = wholeNumber("--warmup", values.warmup, 0);
  if (values.timeout !== undefined) {
    const ms =
      parseDuration(values.timeout) ??
      (/^\d+$/.test(values.timeout) ? Number(values.timeout) * 1000 : undefined);
    if (ms === undefined || ms <= 0) {
      throw new UsageError(`--timeout must be a duration like 90s, 10m or 1h30m (got "${values.timeout}")`);
    }
    const tooLong = durationLimitProblem(ms);
    if (tooLong !== undefined) throw new UsageError(`--timeout ${tooLong} (got "${values.timeout}")`);
    overrides.timeoutMs = ms;
  }
  const backend = values.backend;
  if (backend !== undefined && backend !== "local" && backend !== "docker" && backend !== "kubernetes") {
    throw new UsageError(`--backend must be local, docker or kubernetes (got "${backend}")`);
  }
  return {
    paths: positionals,
    overrides,
    ...(backend === undefined ? {} : { backend }),
    kubernetes: {
      ...(values.kubeconfig === undefined ? {} : { kubeconfig: values.kubeconfig }),
      ...(values.context === undefined ? {} : { context: values.context }),
      ...(values.namespace === undefined ? {} : { namespace: values.namespace }),
    },
    resultsDir: values["results-dir"] ?? ".maat/results",
    baselinesDir: values.baselines ?? "baselines",
    ...(values.confirm === undefined ? {} : { confirm: wholeNumber("--confirm", values.confirm, 0) }),
    quiet: values.quiet ?? false,
    json: values.json ?? false,
    push: values.push ?? false,
  };
}

function wholeNumber(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new UsageError(`${flag} must be a whole number >= ${minimum} (got "${text}")`);
  }
  return value;
}

function writeResults(context: CommandContext, runs: BenchmarkRun[], json: boolean): void {
  if (json) {
    const out = runs.map(({ receipt, receiptPath }) => ({
      benchmark: receipt.benchmark.id,
      resultId: receipt.resultId,
      status: receipt.status,
      ...(receipt.reason ? { reason: receipt.reason } : {}),
      receipt: path.relative(context.cwd, receiptPath),
      metrics: receipt.metrics,
    }));
    context.stdout.write(`${JSON.stringify({ runs: out }, null, 2)}\n`);
    return;
  }
  for (const run of runs) context.stdout.write(`${describeRunSummary(run, context.cwd)}\n`);
}
