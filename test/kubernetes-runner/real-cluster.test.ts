/**
 * The Kubernetes runner against a real API server. Runs only when MAAT_TEST_KUBECONFIG names a
 * kubeconfig; otherwise the suite is skipped and says so. `.ci/run` starts the control plane in
 * ../shared/k8s-lab (kube-apiserver, controller-manager and scheduler 1.26 with a kubelet that
 * runs container commands as local processes) and points this suite at it.
 *
 * Against a cluster of your own (kind, minikube or k3d all work):
 *
 *   kind create cluster --name maat
 *   MAAT_TEST_KUBECONFIG=~/.kube/config npx vitest run test/kubernetes-runner/real-cluster.test.ts
 *
 * MAAT_TEST_KUBE_CONTEXT picks a context other than the current one. The suite creates a
 * namespace `maat-test-<random>` and deletes it at the end; pods use busybox:1.36 (sh, tar and
 * sha256sum are all the code bundle needs). The runner pins pods to
 * `node.kubernetes.io/instance-type`; when no node has that label, the suite puts `maat-test`
 * on one node for its duration and removes it afterwards.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import {
  BatchV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Descriptor, Strategy } from "../../src/descriptor/types.js";
import { createCodeSource, createKubernetesRunner } from "../../src/runners/kubernetes/index.js";
import { renderManifests } from "../../src/runners/kubernetes/render/index.js";
import type { RepetitionRequest } from "../../src/runners/runner.js";
import { descriptorFor, metric, serverFor } from "./run-helpers.js";

const configured = process.env.MAAT_TEST_KUBECONFIG ?? "";
const kubeconfigPath = configured.replace(/^~(?=\/|$)/, homedir());
const context = process.env.MAAT_TEST_KUBE_CONTEXT;
const INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";
const IMAGE = "busybox:1.36";
const title =
  configured === ""
    ? "the Kubernetes runner on a real cluster (skipped: set MAAT_TEST_KUBECONFIG to a kubeconfig to run it)"
    : "the Kubernetes runner on a real cluster";

describe.skipIf(configured === "")(title, () => {
  const namespace = `maat-test-${randomBytes(3).toString("hex")}`;
  let config: KubeConfig;
  let core: CoreV1Api;
  let dir: string;
  let instanceType: string;
  let labelledNode: string | undefined;

  beforeAll(async () => {
    config = new KubeConfig();
    config.loadFromFile(kubeconfigPath);
    if (context !== undefined) config.setCurrentContext(context);
    core = config.makeApiClient(CoreV1Api);
    dir = await mkdtemp(join(tmpdir(), "maat-real-cluster-"));
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    const nodes = (await core.listNode()).items;
    const typed = nodes.find((node) => node.metadata?.labels?.[INSTANCE_TYPE_LABEL] !== undefined);
    if (typed !== undefined) {
      instanceType = typed.metadata?.labels?.[INSTANCE_TYPE_LABEL] as string;
    } else {
      instanceType = "maat-test";
      labelledNode = nodes[0]?.metadata?.name as string;
      await labelNode(labelledNode, instanceType);
    }
    // A namespace's default ServiceAccount comes a moment after the namespace; pods need it.
    for (let i = 0; i < 600; i++) {
      const accounts = await core.listNamespacedServiceAccount({ namespace });
      if (accounts.items.some((account) => account.metadata?.name === "default")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  afterAll(async () => {
    await core?.deleteNamespace({ name: namespace }).catch(() => undefined);
    if (labelledNode !== undefined) await labelNode(labelledNode, null).catch(() => undefined);
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  async function labelNode(name: string, value: string | null) {
    await core.patchNode(
      { name, body: { metadata: { labels: { [INSTANCE_TYPE_LABEL]: value } } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
  }

  let runs = 0;
  let lastRunId = "";
  function runner(options: Partial<Parameters<typeof createKubernetesRunner>[0]> = {}) {
    return createKubernetesRunner({
      newRunId: () => {
        lastRunId = `run-${process.pid}${++runs}${randomBytes(2).toString("hex")}`;
        return lastRunId;
      },
      kubeconfigPath,
      ...(context === undefined ? {} : { context }),
      namespace,
      unschedulableTimeoutMs: 120_000,
      logDrainMs: 60_000,
      ...options,
    });
  }

  function benchmark(code: string, overrides: Partial<Descriptor> = {}): Descriptor {
    return descriptorFor({
      hardware: { instanceType, strategy: "single_node" },
      env: { dockerImage: IMAGE, privileged: false, extendedShm: false, vars: {} },
      ml: { benchmarkCode: code },
      output: { metrics: [metric("throughput", "images/sec: ([0-9.]+)", "images/sec")] },
      run: {
        repetitions: 1,
        warmup: 0,
        maxRepetitions: 1,
        targetPrecision: 0.01,
        watch: [],
        thresholds: {},
        code: "image",
      },
      ...overrides,
    });
  }

  function request(
    descriptor: Descriptor,
    name: string,
    extra: Partial<RepetitionRequest> = {},
  ): RepetitionRequest {
    return {
      descriptor,
      cwd: dir,
      logFile: join(dir, `${name}.log`),
      workDir: join(dir, `${name}.work`),
      env: {},
      timeLimitMs: 240_000,
      ...extra,
    };
  }

  /** Objects of the last run still in the namespace (pods go a moment after their Job: polled, not slept). */
  async function leftovers(): Promise<string[]> {
    const batch = config.makeApiClient(BatchV1Api);
    let names: string[] = [];
    for (let i = 0; i < 600; i++) {
      const selector = { namespace, labelSelector: `maat.dev/run-id=${lastRunId}` };
      const [jobs, pods, maps] = await Promise.all([
        batch.listNamespacedJob(selector),
        core.listNamespacedPod(selector),
        core.listNamespacedConfigMap(selector),
      ]);
      names = [...jobs.items, ...pods.items, ...maps.items].map((o) => o.metadata?.name ?? "");
      if (names.length === 0) return names;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return names;
  }

  it("runs a Job to completion and reads its metrics from the streamed log", async () => {
    const outcome = await runner().runRepetition(
      request(
        benchmark(`echo "images/sec: 123.5"; echo 'maat:metric {"name":"latency","value":4.2,"unit":"ms"}'`),
        "ok",
      ),
    );
    expect(outcome.reason).toBe("the benchmark completed");
    expect(outcome.status).toBe("succeeded");
    expect(outcome.exitCode).toBe(0);
    expect(outcome.metrics.throughput?.value).toBe(123.5);
    expect(outcome.metrics.latency?.value).toBe(4.2);
    expect(await readFile(join(dir, "ok.log"), "utf8")).toContain("images/sec: 123.5");
    expect(outcome.cluster.namespace).toBe(namespace);
    expect(outcome.cluster.nodes?.[0]?.instanceType).toBe(instanceType);
  }, 300_000);

  it("reports a failing exit code", async () => {
    const outcome = await runner().runRepetition(request(benchmark("echo 'images/sec: 1'; exit 3"), "fail"));
    expect(outcome.status).toBe("failed");
    expect(outcome.exitCode).toBe(3);
    expect(outcome.reason).toContain("exited with code 3");
  }, 300_000);

  it("says which node selector no node satisfies, with the scheduler's message, after kubernetes.unschedulable_timeout", async () => {
    const nowhere = benchmark("echo never", {
      hardware: { instanceType: "t3.nowhere", strategy: "single_node" },
    });
    const outcome = await runner({ unschedulableTimeoutMs: 2000 }).runRepetition(
      request(nowhere, "unschedulable"),
    );
    expect(outcome.status).toBe("failed");
    expect(outcome.reason).toContain("cannot be scheduled");
    expect(outcome.reason).toContain(`no node with ${INSTANCE_TYPE_LABEL}=t3.nowhere`);
    expect(outcome.reason).toMatch(/\(scheduler: 0\/\d+ nodes are available/);
    expect(outcome.reason).toContain("gave up after 2 s (kubernetes.unschedulable_timeout)");
    expect(await leftovers()).toEqual([]);
  }, 300_000);

  it("says the same, not 'ran past its deadline', when the Job's own deadline ends the wait for a node", async () => {
    const nowhere = benchmark("echo never", {
      hardware: { instanceType: "t3.nowhere", strategy: "single_node" },
    });
    const outcome = await runner({ unschedulableTimeoutMs: 600_000 }).runRepetition(
      request(nowhere, "deadline", { timeLimitMs: 3000 }),
    );
    expect(outcome.status).toBe("failed");
    expect(outcome.reason).toContain(`no node with ${INSTANCE_TYPE_LABEL}=t3.nowhere`);
    expect(outcome.reason).toContain("the Job's deadline of 3s passed before any node took it");
  }, 300_000);

  it("deletes everything of a cancelled run", async () => {
    const controller = new AbortController();
    const outcome = await runner().runRepetition(
      request(benchmark("echo started; sleep 600"), "cancel", {
        signal: controller.signal,
        onOutput: (chunk) => {
          if (chunk.toString().includes("started")) controller.abort();
        },
      }),
    );
    expect(outcome).toMatchObject({ status: "error", reason: "cancelled" });
    expect(await leftovers()).toEqual([]);
  }, 300_000);

  it("brings the commit's code into the pod as a ConfigMap and runs a script of the repository in its folder", async () => {
    const repo = join(dir, "repo");
    await mkdir(join(repo, "benchmarks", "script"), { recursive: true });
    await writeFile(
      join(repo, "benchmarks", "script", "run.sh"),
      'echo "running in $(pwd)"\necho "images/sec: $(cat speed.txt)"\n',
    );
    await writeFile(join(repo, "benchmarks", "script", "speed.txt"), "77.5\n");
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
        cwd: repo,
        encoding: "utf8",
      }).trim();
    git("init", "--quiet");
    git("add", ".");
    git("commit", "--quiet", "-m", "script");
    const commit = git("rev-parse", "HEAD");
    const withCode = runner({ code: createCodeSource({ checkout: { root: repo, isGit: true, commit } }) });
    const descriptor = benchmark("sh run.sh", { path: "benchmarks/script/descriptor.toml" });
    descriptor.run = { ...descriptor.run, code: "checkout" };
    const outcome = await withCode.runRepetition(request(descriptor, "code"));
    expect(outcome.reason).toBe("the benchmark completed");
    expect(outcome.metrics.throughput?.value).toBe(77.5);
    expect(await readFile(join(dir, "code.log"), "utf8")).toContain(
      "running in /workspace/benchmarks/script",
    );
    expect(outcome.code).toMatchObject({
      mode: "checkout",
      delivery: "configmap",
      commit,
      path: "/workspace",
    });
    expect(outcome.code?.bundleSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(withCode.backendInfo().code?.bundleSha256).toBe(outcome.code?.bundleSha256);
    // The finished Job stays until its TTL for its logs; the ConfigMap goes at once.
    const maps = await core.listNamespacedConfigMap({
      namespace,
      labelSelector: `maat.dev/run-id=${lastRunId}`,
    });
    expect(maps.items).toEqual([]);
  }, 300_000);

  it.each<Strategy>(["single_node", "horovod", "pytorch_ddp", "inference"])(
    "accepts every object of %s in a server-side dry run (Kubeflow CRDs for MPIJob and PyTorchJob)",
    async (strategy) => {
      const objects = renderManifests(
        descriptorFor({
          hardware: { instanceType: "p3.8xlarge", strategy, distributed: { numInstances: 2 } },
          data: {
            sources: [{ src: "s3://bucket/imagenet/train", path: "~/data/train", md5: "ab".repeat(16) }],
          },
          ...(strategy === "inference" ? { server: serverFor() } : {}),
        }),
        {
          runId: `dry-${strategy}`,
          namespace,
          code: {
            kind: "configmap",
            commit: "f".repeat(40),
            sha256: "e".repeat(64),
            size: 3,
            data: Buffer.from("abc"),
          },
        },
      );
      const api = KubernetesObjectApi.makeApiClient(config);
      for (const object of objects) {
        const created = await api.create(object, undefined, "All");
        expect(created.metadata?.name).toBe(object.metadata.name);
      }
    },
    120_000,
  );
});
