/**
 * `maat run --backend kubernetes` on a real API server (MAAT_TEST_KUBECONFIG, see
 * real-cluster.test.ts): a descriptor whose command is a script committed in the repository
 * runs from the commit's code bundle to a succeeded receipt.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { cli } from "../cli/harness.js";

const configured = process.env.MAAT_TEST_KUBECONFIG ?? "";
const kubeconfigPath = configured.replace(/^~(?=\/|$)/, homedir());
const INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";
const title =
  configured === ""
    ? "maat run --backend kubernetes on a real cluster (skipped: set MAAT_TEST_KUBECONFIG to a kubeconfig to run it)"
    : "maat run --backend kubernetes on a real cluster";

describe.skipIf(configured === "")(title, () => {
  const namespace = `maat-cli-${randomBytes(3).toString("hex")}`;
  let core: CoreV1Api;
  let project: string;
  let instanceType = "maat-cli-test";
  let labelledNode: string | undefined;

  beforeAll(async () => {
    const config = new KubeConfig();
    config.loadFromFile(kubeconfigPath);
    if (process.env.MAAT_TEST_KUBE_CONTEXT !== undefined)
      config.setCurrentContext(process.env.MAAT_TEST_KUBE_CONTEXT);
    core = config.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    const nodes = (await core.listNode()).items;
    const typed = nodes.find((node) => node.metadata?.labels?.[INSTANCE_TYPE_LABEL] !== undefined);
    if (typed !== undefined) instanceType = typed.metadata?.labels?.[INSTANCE_TYPE_LABEL] as string;
    else {
      labelledNode = nodes[0]?.metadata?.name as string;
      await label(labelledNode, instanceType);
    }
    for (let i = 0; i < 600; i++) {
      const accounts = await core.listNamespacedServiceAccount({ namespace });
      if (accounts.items.some((account) => account.metadata?.name === "default")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    project = mkdtempSync(path.join(tmpdir(), "maat-k8s-cli-"));
    mkdirSync(path.join(project, "benchmarks", "script"), { recursive: true });
    writeFileSync(
      path.join(project, "benchmarks", "script", "descriptor.toml"),
      [
        'spec_version = "0.1.0"',
        "[info]",
        'task_name = "script"',
        'description = "A script of the repository, run from the commit under test"',
        "[hardware]",
        `instance_type = "${instanceType}"`,
        'strategy = "single_node"',
        "[env]",
        'docker_image = "busybox:1.36"',
        "extended_shm = false",
        "[ml]",
        'benchmark_code = "sh bench.sh"',
        "[run]",
        'timeout = "4m"',
        "[[output.metrics]]",
        'name = "speed"',
        'units = "ops/s"',
        'pattern = "speed=([0-9.]+)"',
        'direction = "higher_is_better"',
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(project, "benchmarks", "script", "bench.sh"),
      'echo "speed=$(cat ../../VERSION)"\n',
    );
    writeFileSync(path.join(project, "VERSION"), "42.5\n");
    writeFileSync(
      path.join(project, "maat.toml"),
      `[kubernetes]\nkubeconfig = "${kubeconfigPath}"\nnamespace = "${namespace}"\nunschedulable_timeout = "2m"\n`,
    );
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
        cwd: project,
        encoding: "utf8",
      }).trim();
    git("init", "--quiet");
    git("add", ".");
    git("commit", "--quiet", "-m", "benchmark");
  }, 120_000);

  afterAll(async () => {
    await core?.deleteNamespace({ name: namespace }).catch(() => undefined);
    if (labelledNode !== undefined) await label(labelledNode, null).catch(() => undefined);
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  }, 60_000);

  async function label(name: string, value: string | null) {
    await core.patchNode(
      { name, body: { metadata: { labels: { [INSTANCE_TYPE_LABEL]: value } } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
  }

  it("runs a script committed in the repository to a succeeded receipt that names the commit and its bundle", async () => {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: project, encoding: "utf8" }).trim();
    const { code, out, err } = await cli(project, [
      "run",
      "benchmarks/script",
      "--backend",
      "kubernetes",
      "--json",
      "--quiet",
    ]);
    expect(err).not.toMatch(/error/i);
    expect(code).toBe(0);
    const run = (JSON.parse(out) as { runs: Array<{ receipt: string }> }).runs[0];
    const receipt = JSON.parse(
      readFileSync(path.join(project, run?.receipt as string), "utf8"),
    ) as ResultReceipt;
    expect(receipt.status).toBe("succeeded");
    expect(receipt.metrics.speed?.values).toEqual([42.5]);
    expect(receipt.source.commit).toBe(commit);
    expect(receipt.backend).toMatchObject({
      kind: "kubernetes",
      code: {
        mode: "checkout",
        delivery: "configmap",
        commit,
        path: "/workspace",
        bundleSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
  }, 300_000);
});
