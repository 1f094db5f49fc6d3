import { afterEach, describe, expect, it } from "vitest";
import { type FakeKube, startFakeKube } from "../support/fake-kube/index.js";
import {
  deletions,
  descriptorFor,
  eventually,
  type Harness,
  harness,
  POD_SELECTOR,
  serverFor,
} from "./run-helpers.js";

let kube: FakeKube;
let run: Harness;
afterEach(async () => {
  await run?.dispose();
  await kube?.close();
});

const horovod = descriptorFor({
  hardware: { instanceType: "g5.12xlarge", strategy: "horovod", distributed: { numInstances: 2 } },
  ml: { benchmarkCode: "horovodrun -np 8 python train.py" },
});

describe("the Kubernetes runner with operators and servers", () => {
  it("says the MPI operator is missing when the MPIJob CRD is not installed", async () => {
    kube = await startFakeKube({ namespaces: ["bench"], installedCrds: ["pytorchjobs"] });
    run = await harness(kube);
    await expect(run.runner.runRepetition(run.request(horovod))).rejects.toThrow(
      "the MPIJob CRD (kubeflow.org/v2beta1) is not installed: install the Kubeflow MPI operator",
    );
  });

  it("streams the MPI launcher's log, not a worker's", async () => {
    kube = await startFakeKube({
      namespaces: ["bench"],
      nodes: [
        { name: "cpu-0", instanceType: "m5.2xlarge" },
        { name: "gpu-0", instanceType: "g5.12xlarge", gpus: 4 },
        { name: "gpu-1", instanceType: "g5.12xlarge", gpus: 4 },
      ],
    });
    run = await harness(kube);
    const outcome = run.runner.runRepetition(run.request(horovod));
    const pods = await kube.cluster.waitForPods(POD_SELECTOR, { count: 3 });
    const names = pods.map((pod) => pod.metadata.name);
    for (const worker of names.filter((name) => name.includes("-worker-"))) {
      kube.cluster.run(worker, { logs: ["worker: sshd listening"] });
    }
    kube.cluster.run(names.find((name) => name.includes("-launcher-")) as string, {
      logs: ["images/sec: 3020.5"],
    });
    await eventually(() => run.output.length > 0);
    // Finishes the launcher; the operator then removes the workers (cleanPodPolicy Running).
    kube.cluster.driveJob("resnet50-train-3f9a1c2e");
    const result = await outcome;
    expect(result.status).toBe("succeeded");
    expect(result.metrics.throughput?.value).toBe(3020.5);
    expect(await run.readLog()).toBe("images/sec: 3020.5\n");
    expect(result.cluster.nodes).toEqual(
      expect.arrayContaining([
        { name: "gpu-0", instanceType: "g5.12xlarge" },
        { name: "gpu-1", instanceType: "g5.12xlarge" },
      ]),
    );
  });

  it("runs an inference benchmark: server ready, client done, both metrics, server removed", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    run = await harness(kube);
    // The load generator needs no GPU; the server takes the g5.12xlarge.
    const descriptor = descriptorFor({
      hardware: { instanceType: "m5.2xlarge", strategy: "inference" },
      server: serverFor(),
      ml: { benchmarkCode: "python load_test.py" },
    });
    const outcome = run.runner.runRepetition(run.request(descriptor));
    const server = await kube.cluster.waitForPods(`${POD_SELECTOR},maat.dev/component=server`);
    const client = await kube.cluster.waitForPods(`${POD_SELECTOR},maat.dev/component=client`);
    const serverPod = server[0]?.metadata.name as string;
    const clientPod = client[0]?.metadata.name as string;
    // The server Deployment and Service belong to the client Job, so deleting the Job removes them.
    const jobUid = kube.state.get("jobs", "bench", "resnet50-train-3f9a1c2e")?.metadata.uid;
    expect(
      kube.state.get("deployments", "bench", "resnet50-train-3f9a1c2e-server")?.metadata.ownerReferences,
    ).toEqual([expect.objectContaining({ kind: "Job", uid: jobUid })]);
    kube.cluster.run(serverPod, { logs: ["server listening"] });
    kube.cluster.ready(serverPod);
    kube.cluster.run(clientPod, { logs: ["images/sec: 42"] });
    await eventually(() => run.output.some((o) => o.stream === "server"));
    kube.cluster.appendLogs(serverPod, ["generated 1234 tokens"]);
    await eventually(() => run.output.some((o) => o.text.includes("1234")));
    kube.cluster.succeed(clientPod);

    const result = await outcome;
    expect(result.status).toBe("succeeded");
    expect(result.metrics.throughput?.value).toBe(42);
    expect(result.metrics.server_tokens?.value).toBe(1234);
    expect(result.logs.server).toMatch(/rep-1\.server\.log$/);
    expect(await run.readLog("rep-1.server.log")).toContain("generated 1234 tokens");
    const deleted = deletions(kube.requests).map((d) => d.path);
    expect(deleted).toEqual(
      expect.arrayContaining([
        "/apis/apps/v1/namespaces/bench/deployments/resnet50-train-3f9a1c2e-server",
        "/api/v1/namespaces/bench/services/resnet50-train-3f9a1c2e-server",
      ]),
    );
    expect(kube.state.get("deployments", "bench", "resnet50-train-3f9a1c2e-server")).toBeUndefined();
    expect(kube.state.get("services", "bench", "resnet50-train-3f9a1c2e-server")).toBeUndefined();
  });

  it("fails an inference run whose server keeps crashing", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    run = await harness(kube);
    const descriptor = descriptorFor({
      hardware: { instanceType: "m5.2xlarge", strategy: "inference" },
      server: serverFor(),
    });
    const outcome = run.runner.runRepetition(run.request(descriptor));
    const [server] = await kube.cluster.waitForPods(`${POD_SELECTOR},maat.dev/component=server`);
    kube.cluster.crashLoop(server?.metadata.name as string, 3);
    const result = await outcome;
    expect(result.status).toBe("failed");
    expect(result.reason).toContain("the inference server keeps crashing");
    expect(result.reason).toContain("last exit code 3");
  });

  it("streams the PyTorchJob master's log", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    run = await harness(kube);
    const descriptor = descriptorFor({
      hardware: { instanceType: "g5.12xlarge", strategy: "pytorch_ddp", distributed: { numInstances: 1 } },
      ml: { benchmarkCode: "torchrun train.py" },
    });
    const outcome = run.runner.runRepetition(run.request(descriptor));
    await kube.cluster.waitForPods(POD_SELECTOR);
    kube.cluster.driveJob("resnet50-train-3f9a1c2e", { logs: ["images/sec: 911"] });
    const result = await outcome;
    expect(result.status).toBe("succeeded");
    expect(result.metrics.throughput?.value).toBe(911);
  });

  it("gives up with a clear reason when the cluster forbids watching pods", async () => {
    kube = await startFakeKube({ namespaces: ["bench"], forbid: [{ verb: "watch", resource: "pods" }] });
    run = await harness(kube);
    const result = await run.runner.runRepetition(run.request(descriptorFor()));
    expect(result.status).toBe("error");
    expect(result.reason).toMatch(
      /^lost track of the Job: the cluster forbids watch on pods in namespace "bench"/,
    );
    expect(deletions(kube.requests).map((d) => d.path)).toContain(
      "/apis/batch/v1/namespaces/bench/jobs/resnet50-train-3f9a1c2e",
    );
  });
});
