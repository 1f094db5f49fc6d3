/**
 * The Kubernetes runner against a real cluster. Runs only when MAAT_TEST_KUBECONFIG names a
 * kubeconfig; otherwise the suite is skipped and says so.
 *
 * Against a local cluster (kind, minikube or k3d all work):
 *
 *   kind create cluster --name maat        # or: minikube start / k3d cluster create maat
 *   MAAT_TEST_KUBECONFIG=~/.kube/config npx vitest run test/kubernetes-runner/real-cluster.test.ts
 *
 * MAAT_TEST_KUBE_CONTEXT picks a context other than the current one. The suite creates a
 * namespace `maat-test-<random>`, runs a tiny Job (image busybox:1.36, pulled from Docker Hub)
 * that prints a metric line, checks the outcome and deletes the namespace. The runner pins
 * pods to `node.kubernetes.io/instance-type`; local clusters (kind, minikube) do not set that
 * label, so the suite puts `maat-test` on one node for its duration and removes it afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKubernetesRunner } from "../../src/runners/kubernetes/index.js";
import { descriptorFor, metric } from "./run-helpers.js";

const configured = process.env.MAAT_TEST_KUBECONFIG ?? "";
const kubeconfigPath = configured.replace(/^~(?=\/|$)/, homedir());
const context = process.env.MAAT_TEST_KUBE_CONTEXT;
const INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";
const title =
  configured === ""
    ? "the Kubernetes runner on a real cluster (skipped: set MAAT_TEST_KUBECONFIG to a kubeconfig to run it)"
    : "the Kubernetes runner on a real cluster";

describe.skipIf(configured === "")(title, () => {
  const namespace = `maat-test-${randomBytes(3).toString("hex")}`;
  let core: CoreV1Api;
  let dir: string;
  let instanceType: string;
  let labelledNode: string | undefined;

  beforeAll(async () => {
    const config = new KubeConfig();
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
  }, 60_000);

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

  it("runs a busybox Job to completion and reads its metrics from the streamed log", async () => {
    const runner = createKubernetesRunner({
      kubeconfigPath,
      ...(context === undefined ? {} : { context }),
      namespace,
      unschedulableTimeoutMs: 120_000,
    });
    const descriptor = descriptorFor({
      hardware: { instanceType, strategy: "single_node" },
      env: { dockerImage: "busybox:1.36", privileged: false, extendedShm: false, vars: {} },
      ml: {
        benchmarkCode: `echo "images/sec: 123.5"; echo 'maat:metric {"name":"latency","value":4.2,"unit":"ms"}'`,
      },
      output: { metrics: [metric("throughput", "images/sec: ([0-9.]+)", "images/sec")] },
    });
    const logFile = join(dir, "rep-1.log");
    const outcome = await runner.runRepetition({
      descriptor,
      cwd: dir,
      logFile,
      workDir: join(dir, "rep-1.work"),
      env: {},
      timeLimitMs: 240_000,
    });
    expect(outcome.reason).toBe("the benchmark completed");
    expect(outcome.status).toBe("succeeded");
    expect(outcome.exitCode).toBe(0);
    expect(outcome.metrics.throughput?.value).toBe(123.5);
    expect(outcome.metrics.latency?.value).toBe(4.2);
    expect(await readFile(logFile, "utf8")).toContain("images/sec: 123.5");
    expect(outcome.cluster.namespace).toBe(namespace);
    expect(outcome.cluster.nodes?.[0]?.instanceType).toBe(instanceType);
  }, 300_000);
});
