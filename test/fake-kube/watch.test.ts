import { afterEach, describe, expect, it } from "vitest";
import { type FakeKube, startFakeKube } from "../support/fake-kube/index.js";
import { clientsFor, eventually, jobManifest } from "./clients.js";

let kube: FakeKube;
afterEach(async () => {
  await kube?.close();
});

interface Seen {
  type: string;
  name: string;
  phase?: string;
  code?: number;
  reason?: string;
}

/** Starts a client-node watch on `path` and collects what it delivers. */
async function collect(kube: FakeKube, path: string, query: Record<string, string> = {}) {
  const events: Seen[] = [];
  const ended: { error?: unknown; done: boolean } = { done: false };
  const controller = await clientsFor(kube).watch.watch(
    path,
    query,
    (type, object) => {
      events.push({
        type,
        name: object.metadata?.name,
        phase: object.status?.phase,
        code: object.code,
        reason: object.reason,
      });
    },
    (error) => {
      ended.done = true;
      ended.error = error;
    },
  );
  return { events, ended, stop: () => controller.abort() };
}

describe("fake-kube watches", () => {
  it("deliver ADDED and MODIFIED pod events as the test drives the lifecycle", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const watch = await collect(kube, "/api/v1/namespaces/bench/pods", { labelSelector: "job-name=train" });
    await clientsFor(kube).batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") });
    const [pod] = await kube.cluster.waitForPods("job-name=train");
    kube.cluster.run(pod!.metadata.name, { logs: ["hello"] });
    kube.cluster.succeed(pod!.metadata.name);
    await eventually(() => watch.events.some((e) => e.phase === "Succeeded"));
    const phases = watch.events.map((e) => `${e.type}:${e.phase}`);
    expect(phases[0]).toBe("ADDED:Pending");
    expect(phases).toContain("MODIFIED:Running");
    expect(phases.at(-1)).toBe("MODIFIED:Succeeded");
    watch.stop();
  });

  it("replay changes after a resourceVersion and reach the Job's Complete status", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch } = clientsFor(kube);
    const created = await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") });
    const pod = kube.cluster.pods({ labelSelector: "job-name=train" })[0]!;
    kube.cluster.succeed(pod.metadata.name);
    const watch = await collect(kube, "/apis/batch/v1/namespaces/bench/jobs", {
      resourceVersion: created.metadata!.resourceVersion!,
    });
    await eventually(
      () =>
        watch.events.length > 0 &&
        watch.events.every((e) => e.type === "MODIFIED") &&
        watch.events.length >= 2,
    );
    const job = await batch.readNamespacedJob({ namespace: "bench", name: "train" });
    expect(job.status?.succeeded).toBe(1);
    expect(job.status?.conditions?.map((c) => c.type)).toEqual(["SuccessCriteriaMet", "Complete"]);
    watch.stop();
  });

  it("end with a 410 Expired ERROR event when the resourceVersion is older than the window", async () => {
    kube = await startFakeKube({ namespaces: ["bench"], watchWindow: 3 });
    const { batch } = clientsFor(kube);
    const first = await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("a") });
    for (const name of ["b", "c", "d"])
      await batch.createNamespacedJob({ namespace: "bench", body: jobManifest(name) });
    const watch = await collect(kube, "/apis/batch/v1/namespaces/bench/jobs", {
      resourceVersion: first.metadata!.resourceVersion!,
    });
    await eventually(() => watch.ended.done);
    expect(watch.events).toEqual([expect.objectContaining({ type: "ERROR", code: 410, reason: "Expired" })]);
  });

  it("end open streams with 410 on expireWatches, and a re-listed resourceVersion resumes", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch } = clientsFor(kube);
    const list = await batch.listNamespacedJob({ namespace: "bench" });
    const watch = await collect(kube, "/apis/batch/v1/namespaces/bench/jobs", {
      resourceVersion: list.metadata!.resourceVersion!,
    });
    await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("a") });
    await eventually(() => watch.events.length > 0);
    kube.faults.expireWatches();
    await eventually(() => watch.ended.done);
    expect(watch.events[0]).toMatchObject({ type: "ADDED", name: "a" });
    expect(watch.events.at(-1)).toMatchObject({ type: "ERROR", code: 410, reason: "Expired" });

    const stale = await collect(kube, "/apis/batch/v1/namespaces/bench/jobs", {
      resourceVersion: list.metadata!.resourceVersion!,
    });
    await eventually(() => stale.ended.done);
    expect(stale.events[0]).toMatchObject({ type: "ERROR", code: 410 });

    const relisted = await batch.listNamespacedJob({ namespace: "bench" });
    const resumed = await collect(kube, "/apis/batch/v1/namespaces/bench/jobs", {
      resourceVersion: relisted.metadata!.resourceVersion!,
    });
    await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("b") });
    await eventually(() => resumed.events.some((e) => e.name === "b"));
    expect(resumed.events[0]).toMatchObject({ type: "ADDED", name: "b" });
    expect(resumed.events.map((e) => e.type)).not.toContain("ERROR");
    resumed.stop();
  });

  it("are cut mid-stream by dropWatches, which the client sees as an ended watch", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const watch = await collect(kube, "/api/v1/namespaces/bench/pods");
    kube.faults.dropWatches();
    await eventually(() => watch.ended.done);
    expect(watch.events).toEqual([]);
  });

  it("send BOOKMARK events when the client allows them", async () => {
    kube = await startFakeKube({ namespaces: ["bench"], bookmarkIntervalMs: 20 });
    const watch = await collect(kube, "/api/v1/namespaces/bench/pods", { allowWatchBookmarks: "true" });
    await eventually(() => watch.events.some((e) => e.type === "BOOKMARK"));
    watch.stop();
  });
});
