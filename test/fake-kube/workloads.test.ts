import { afterEach, describe, expect, it } from "vitest";
import { type FakeKube, type KubeObject, startFakeKube } from "../support/fake-kube/index.js";
import { clientsFor, eventually, jobManifest } from "./clients.js";

let kube: FakeKube;
afterEach(async () => {
  await kube?.close();
});

const podTemplate = (name: string) => ({
  spec: {
    containers: [{ name, image: "mpioperator/mpi-pi:openmpi", command: ["mpirun", "/home/mpiuser/pi"] }],
  },
});

const mpiJob = {
  apiVersion: "kubeflow.org/v2beta1",
  kind: "MPIJob",
  metadata: { name: "pi" },
  spec: {
    slotsPerWorker: 1,
    runPolicy: { cleanPodPolicy: "Running" },
    mpiReplicaSpecs: {
      Launcher: { replicas: 1, template: podTemplate("launcher") },
      Worker: { replicas: 2, template: podTemplate("worker") },
    },
  },
};

const conditionTypes = (object: KubeObject | undefined) =>
  (object?.status?.conditions ?? [])
    .filter((c: { status: string }) => c.status === "True")
    .map((c: { type: string }) => c.type);

describe("fake-kube workloads", () => {
  it("runs a Job to Complete on autopilot", async () => {
    kube = await startFakeKube({ namespaces: ["bench"], autopilot: { logs: ["ok"], delayMs: 5 } });
    const { batch } = clientsFor(kube);
    await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") });
    await eventually(() => conditionTypes(kube.state.get("jobs", "bench", "train")).includes("Complete"));
    const job = await batch.readNamespacedJob({ namespace: "bench", name: "train" });
    expect(job.status).toMatchObject({ succeeded: 1 });
    expect(job.status?.completionTime).toBeDefined();
    const pod = kube.cluster.pods({ labelSelector: "job-name=train" })[0]!;
    expect(pod.spec.nodeName).toBe("ip-10-0-1-10.ec2.internal");
  });

  it("fails a Job with BackoffLimitExceeded after backoffLimit + 1 failed pods", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const job = jobManifest("train");
    job.spec!.backoffLimit = 1;
    await clientsFor(kube).batch.createNamespacedJob({ namespace: "bench", body: job });
    kube.cluster.fail(kube.cluster.pods()[0]!.metadata.name, { reason: "OOMKilled" });
    const pods = kube.cluster.pods();
    expect(pods).toHaveLength(2);
    kube.cluster.fail(pods.find((p) => p.status.phase === "Pending")!.metadata.name);
    const stored = kube.state.get("jobs", "bench", "train")!;
    expect(stored.status.failed).toBe(2);
    expect(stored.status.conditions.at(-1)).toMatchObject({ type: "Failed", reason: "BackoffLimitExceeded" });
    const first = pods.find((p) => p.status.phase === "Failed")!;
    expect(first.status.containerStatuses[0].state.terminated).toMatchObject({
      reason: "OOMKilled",
      exitCode: 137,
    });
  });

  it("fails a Job with DeadlineExceeded and removes its running pod", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    await clientsFor(kube).batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") });
    kube.cluster.run(kube.cluster.pods()[0]!.metadata.name);
    kube.cluster.exceedDeadline("train");
    expect(kube.state.get("jobs", "bench", "train")?.status.conditions.at(-1)).toMatchObject({
      type: "Failed",
      reason: "DeadlineExceeded",
    });
    expect(kube.cluster.pods()).toEqual([]);
  });

  it("creates an MPIJob's launcher and workers and follows the launcher to Succeeded", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { custom } = clientsFor(kube);
    await custom.createNamespacedCustomObject({
      group: "kubeflow.org",
      version: "v2beta1",
      namespace: "bench",
      plural: "mpijobs",
      body: mpiJob,
    });
    const names = kube.cluster.pods().map((p) => p.metadata.name);
    expect(names).toEqual(expect.arrayContaining(["pi-worker-0", "pi-worker-1"]));
    const launcher = kube.cluster.pods({ labelSelector: "training.kubeflow.org/job-role=launcher" })[0]!;
    expect(launcher.metadata.name).toMatch(/^pi-launcher-[a-z0-9]{5}$/);
    expect(launcher.metadata.labels).toMatchObject({ "training.kubeflow.org/job-name": "pi" });
    const config = kube.state.get("configmaps", "bench", "pi-config")!;
    expect((config.data as { hostfile: string }).hostfile).toContain("pi-worker-1.pi.bench.svc");

    kube.cluster.driveJob("pi", { logs: ["pi is approximately 3.14"] });
    const done = (await custom.getNamespacedCustomObject({
      group: "kubeflow.org",
      version: "v2beta1",
      namespace: "bench",
      plural: "mpijobs",
      name: "pi",
    })) as KubeObject;
    expect(conditionTypes(done)).toEqual(["Created", "Succeeded"]);
    expect(done.status.replicaStatuses.Launcher).toEqual({ succeeded: 1 });
    // cleanPodPolicy Running removes the workers once the launcher is done.
    expect(kube.cluster.pods({ labelSelector: "training.kubeflow.org/job-role=worker" })).toEqual([]);
  });

  it("creates a PyTorchJob's master and workers with the distributed environment and fails it on a worker failure", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const replica = (replicas: number) => ({
      replicas,
      restartPolicy: "Never",
      template: {
        spec: {
          containers: [{ name: "pytorch", image: "pytorch/pytorch:2.3.0", command: ["python", "train.py"] }],
        },
      },
    });
    await clientsFor(kube).custom.createNamespacedCustomObject({
      group: "kubeflow.org",
      version: "v1",
      namespace: "bench",
      plural: "pytorchjobs",
      body: {
        apiVersion: "kubeflow.org/v1",
        kind: "PyTorchJob",
        metadata: { name: "ddp" },
        spec: { runPolicy: {}, pytorchReplicaSpecs: { Master: replica(1), Worker: replica(2) } },
      },
    });
    expect(
      kube.cluster
        .pods()
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(["ddp-master-0", "ddp-worker-0", "ddp-worker-1"]);
    const env = kube.cluster.pod("ddp-worker-1").spec.containers[0].env;
    expect(env).toEqual(
      expect.arrayContaining([
        { name: "RANK", value: "2" },
        { name: "WORLD_SIZE", value: "3" },
      ]),
    );
    for (const name of ["ddp-master-0", "ddp-worker-0", "ddp-worker-1"]) kube.cluster.run(name);
    expect(conditionTypes(kube.state.get("pytorchjobs", "bench", "ddp"))).toEqual(["Created", "Running"]);
    kube.cluster.evict("ddp-worker-0");
    const failed = kube.state.get("pytorchjobs", "bench", "ddp")!;
    expect(conditionTypes(failed)).toEqual(["Created", "Failed"]);
    expect(failed.status.replicaStatuses.Worker).toEqual({ active: 1, failed: 1 });
  });

  it("brings a Deployment to availability as its pods become ready", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { apps } = clientsFor(kube);
    await apps.createNamespacedDeployment({
      namespace: "bench",
      body: {
        metadata: { name: "server" },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "server" } },
          template: {
            metadata: { labels: { app: "server" } },
            spec: {
              containers: [
                {
                  name: "server",
                  image: "vllm/vllm-openai:latest",
                  readinessProbe: { httpGet: { path: "/health", port: 8000 } },
                },
              ],
            },
          },
        },
      },
    });
    const pods = kube.cluster.pods({ labelSelector: "app=server" });
    expect(pods.map((p) => p.metadata.name)).toEqual([
      expect.stringMatching(/^server-[a-z0-9]{10}-[a-z0-9]{5}$/),
      expect.anything(),
    ]);
    for (const pod of pods) kube.cluster.run(pod.metadata.name);
    expect(kube.state.get("deployments", "bench", "server")?.status.readyReplicas).toBeUndefined();
    for (const pod of pods) kube.cluster.ready(pod.metadata.name);
    const deployment = await apps.readNamespacedDeployment({ namespace: "bench", name: "server" });
    expect(deployment.status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
    // An evicted replica is replaced, as the ReplicaSet controller does.
    kube.cluster.evict(pods[0]!.metadata.name);
    await eventually(() => kube.cluster.pods({ labelSelector: "app=server" }).length === 3);
  });

  it("schedules a GPU pod onto a node with free GPUs and reports Insufficient GPUs otherwise", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const job = jobManifest("big", { nodeSelector: { "node.kubernetes.io/instance-type": "g5.12xlarge" } });
    job.spec!.template.spec!.containers[0]!.resources = { limits: { "nvidia.com/gpu": "4" } };
    const { batch } = clientsFor(kube);
    await batch.createNamespacedJob({ namespace: "bench", body: job });
    await batch.createNamespacedJob({ namespace: "bench", body: { ...job, metadata: { name: "big2" } } });
    const [first] = kube.cluster.pods({ labelSelector: "job-name=big" });
    const [second] = kube.cluster.pods({ labelSelector: "job-name=big2" });
    expect(kube.cluster.schedule(first!.metadata.name)).toBe(true);
    expect(kube.cluster.schedule(second!.metadata.name)).toBe(false);
    const condition = kube.cluster.pod(second!.metadata.name).status.conditions[0];
    expect(condition.message).toBe(
      "0/3 nodes are available: 1 Insufficient nvidia.com/gpu, 2 node(s) didn't match Pod's node affinity/selector.",
    );
  });
});
