import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeKube, startFakeKube } from "../support/fake-kube/index.js";
import { apiFailure, clientsFor, eventually, jobManifest } from "./clients.js";

let kube: FakeKube;
afterEach(async () => {
  await kube?.close();
});

async function podOfJob(kube: FakeKube, name: string): Promise<string> {
  await clientsFor(kube).batch.createNamespacedJob({ namespace: "bench", body: jobManifest(name) });
  const [pod] = await kube.cluster.waitForPods(`job-name=${name}`);
  return pod!.metadata.name;
}

describe("fake-kube pod logs", () => {
  it("stream lines as they are appended with follow, ending when the container exits", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const pod = await podOfJob(kube, "train");
    kube.cluster.run(pod, { logs: ["epoch 1"] });
    const out = new PassThrough();
    let text = "";
    let finished = false;
    out.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    out.on("end", () => {
      finished = true;
    });
    await clientsFor(kube).log.log("bench", pod, "bench", out, { follow: true });
    await eventually(() => text === "epoch 1\n");
    kube.cluster.appendLogs(pod, ["epoch 2", "loss=0.1"]);
    await eventually(() => text === "epoch 1\nepoch 2\nloss=0.1\n");
    expect(finished).toBe(false);
    kube.cluster.succeed(pod, { logs: ["done"] });
    await eventually(() => finished);
    expect(text).toBe("epoch 1\nepoch 2\nloss=0.1\ndone\n");
  });

  it("honour tailLines and timestamps without follow", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const pod = await podOfJob(kube, "train");
    kube.cluster.run(pod, { logs: ["a", "b", "c"] });
    const { core } = clientsFor(kube);
    const tail = await core.readNamespacedPodLog({ namespace: "bench", name: pod, tailLines: 2 });
    expect(tail).toBe("b\nc\n");
    const stamped = await core.readNamespacedPodLog({
      namespace: "bench",
      name: pod,
      timestamps: true,
      tailLines: 1,
    });
    expect(stamped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z c\n$/);
  });

  it("answer 400 while the container is still waiting to start", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const pod = await podOfJob(kube, "train");
    kube.cluster.imagePullBackOff(pod);
    const failure = await apiFailure(
      clientsFor(kube).core.readNamespacedPodLog({ namespace: "bench", name: pod }),
    );
    expect(failure.code).toBe(400);
    expect(failure.status.message).toBe(
      `container "bench" in pod "${pod}" is waiting to start: ImagePullBackOff`,
    );
  });
});
