import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Descriptor, MetricDefinition, ServerDefinition } from "../../src/descriptor/types.js";
import {
  createKubernetesRunner,
  type KubernetesRunner,
  type KubernetesRunnerOptions,
} from "../../src/runners/kubernetes/index.js";
import type { OutputStream, RepetitionRequest } from "../../src/runners/runner.js";
import type { FakeKube, RecordedRequest } from "../support/fake-kube/index.js";

export const RUN_ID = "20250304-3f9a1c2e";
export const POD_SELECTOR = `maat.dev/run-id=${RUN_ID}`;

/** A normalized descriptor for the runner tests; sections are replaced, not merged. */
export function descriptorFor(overrides: Partial<Descriptor> = {}): Descriptor {
  return {
    id: "resnet50-train",
    path: "benchmarks/resnet50/train.toml",
    contentHash: "a".repeat(64),
    specVersion: "0.1.0",
    extensionVersion: "1",
    info: { taskName: "ResNet-50", description: "Trains ResNet-50", scheduling: "single_run", labels: {} },
    // g5.12xlarge: the fake's default nodes include one (4 GPUs).
    hardware: { instanceType: "g5.12xlarge", strategy: "single_node" },
    env: {
      dockerImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/resnet:v3",
      privileged: false,
      extendedShm: false,
      vars: {},
    },
    ml: { benchmarkCode: "python train.py", args: "--epochs=1" },
    data: { sources: [] },
    customParams: {},
    output: { metrics: [metric("throughput", "images/sec: ([0-9.]+)", "images/sec")] },
    run: { repetitions: 1, warmup: 0, maxRepetitions: 10, targetPrecision: 0.01, watch: [], thresholds: {} },
    ...overrides,
  };
}

export function metric(name: string, pattern: string, units: string): MetricDefinition {
  return {
    name,
    units,
    pattern,
    direction: "higher_is_better",
    directionInferred: false,
    aggregate: "last",
    thresholds: {},
  };
}

export function serverFor(): ServerDefinition {
  return {
    hardware: { instanceType: "g5.12xlarge" },
    env: {
      dockerImage: "vllm/vllm-openai:v0.6.3",
      privileged: false,
      extendedShm: false,
      ports: [8000],
      startCommand: "vllm serve /models/opt",
      vars: {},
    },
    models: [],
    output: { metrics: [metric("server_tokens", "generated ([0-9]+) tokens", "tokens")] },
  };
}

export interface Harness {
  runner: KubernetesRunner;
  request(descriptor: Descriptor, extra?: Partial<RepetitionRequest>): RepetitionRequest;
  output: Array<{ text: string; stream: OutputStream }>;
  readLog(name?: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function harness(
  kube: FakeKube,
  options: Partial<KubernetesRunnerOptions> = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), "maat-k8s-runner-"));
  const output: Harness["output"] = [];
  const runner = createKubernetesRunner({
    kubeconfigPath: kube.kubeconfigPath,
    namespace: "bench",
    newRunId: () => RUN_ID,
    logDrainMs: 2000,
    serverStopGraceMs: 2000,
    ...options,
  });
  return {
    runner,
    output,
    request: (descriptor, extra = {}) => ({
      descriptor,
      cwd: dir,
      logFile: join(dir, "logs", "rep-1.log"),
      workDir: join(dir, "logs", "rep-1.work"),
      env: {},
      onOutput: (chunk, stream) => output.push({ text: chunk.toString(), stream }),
      ...extra,
    }),
    readLog: (name = "rep-1.log") => readFile(join(dir, "logs", name), "utf8"),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Requests that deleted something, as `METHOD path?propagationPolicy`. */
export function deletions(requests: RecordedRequest[]): Array<{ path: string; policy: string | undefined }> {
  return requests
    .filter((r) => r.method === "DELETE")
    .map((r) => ({
      path: r.path,
      policy:
        r.query.propagationPolicy ??
        (r.body as { propagationPolicy?: string } | undefined)?.propagationPolicy,
    }));
}
