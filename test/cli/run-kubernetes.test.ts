import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { receiptProblems } from "../../src/results/receipt-validation.js";
import { type FakeKube, startFakeKube } from "../support/fake-kube/index.js";
import { cli as runMaat } from "./harness.js";

/** A repository with one GPU benchmark meant for the cluster (the node type the fake has). */
function makeProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "maat-k8s-cli-"));
  mkdirSync(path.join(dir, ".git"));
  mkdirSync(path.join(dir, "benchmarks/train"), { recursive: true });
  writeFileSync(
    path.join(dir, "benchmarks/train/descriptor.toml"),
    `spec_version = "0.1.0"
[info]
task_name = "train"
description = "a GPU training benchmark"
[hardware]
instance_type = "g5.12xlarge"
strategy = "single_node"
[env]
docker_image = "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime"
[ml]
benchmark_code = "python train.py"
[run]
repetitions = 2
[[output.metrics]]
name = "throughput"
units = "samples/s"
pattern = "throughput=([0-9.]+)"
`,
  );
  return dir;
}

/** The CLI with a clean environment: no KUBECONFIG or HOME kubeconfig can leak in. */
const cli = (cwd: string, argv: string[]) => runMaat(cwd, argv, { HOME: cwd, KUBECONFIG: undefined });

let kube: FakeKube | undefined;

/** `maat run benchmarks/train --backend kubernetes` against the fake cluster's kubeconfig. */
const runOnCluster = (dir: string, extra: string[] = []) =>
  cli(dir, [
    "run",
    "benchmarks/train",
    "--backend",
    "kubernetes",
    "--kubeconfig",
    kube!.kubeconfigPath,
    "--json",
    ...extra,
  ]);
afterEach(async () => {
  await kube?.close();
  kube = undefined;
});

describe("maat run --backend kubernetes", () => {
  it("runs the benchmark as a Job, streams its log through the patterns and records the nodes used", async () => {
    kube = await startFakeKube({
      namespaces: ["bench"],
      autopilot: { logs: ["epoch 1", "throughput=1234.5"] },
    });
    const dir = makeProject();
    const { code, out, err } = await runOnCluster(dir, ["--namespace", "bench"]);
    expect(code, err).toBe(0);
    const run = JSON.parse(out).runs[0];
    const receipt = JSON.parse(readFileSync(path.join(dir, run.receipt), "utf8"));
    expect(receiptProblems(receipt)).toEqual([]);
    expect(receipt.metrics.throughput).toMatchObject({ n: 2, mean: 1234.5 });
    expect(receipt.backend).toMatchObject({
      kind: "kubernetes",
      dockerImageUsed: true,
      cluster: {
        namespace: "bench",
        nodes: [{ name: "ip-10-0-2-20.ec2.internal", instanceType: "g5.12xlarge" }],
      },
    });
    const jobs = kube.requests.filter((r) => r.method === "POST" && r.path.endsWith("/jobs"));
    expect(jobs).toHaveLength(2);
    expect(err).toContain("epoch 1");
  });

  it("records a failed run with the container's reason", async () => {
    kube = await startFakeKube({
      namespaces: ["bench"],
      autopilot: { logs: ["starting"], outcome: "fail", failure: { reason: "OOMKilled", exitCode: 137 } },
    });
    const dir = makeProject();
    const { code, out } = await runOnCluster(dir, ["--namespace", "bench"]);
    expect(code).toBe(1);
    const run = JSON.parse(out).runs[0];
    expect(run.status).toBe("failed");
    expect(run.reason).toMatch(/OOMKilled/);
  });

  it("says which node selector no node satisfies when the instance type is not in the cluster", async () => {
    kube = await startFakeKube({ namespaces: ["bench"], autopilot: { logs: [] } });
    const dir = makeProject();
    const descriptor = path.join(dir, "benchmarks/train/descriptor.toml");
    writeFileSync(descriptor, readFileSync(descriptor, "utf8").replace("g5.12xlarge", "p3.8xlarge"));
    writeFileSync(
      path.join(dir, "maat.toml"),
      '[kubernetes]\nnamespace = "bench"\nscheduling_timeout = "2s"\n',
    );
    const { code, out } = await runOnCluster(dir);
    expect(code).toBe(1);
    expect(JSON.parse(out).runs[0].reason).toContain("node.kubernetes.io/instance-type=p3.8xlarge");
  }, 60_000);
});
