import { afterEach, describe, expect, it } from "vitest";
import { type FakeKube, startFakeKube } from "../support/fake-kube/index.js";
import { validateKubernetesObject } from "../support/kube-schemas.js";
import { apiFailure, clientsFor, jobManifest } from "./clients.js";

let kube: FakeKube;
afterEach(async () => {
  await kube?.close();
});

describe("fake-kube CRUD", () => {
  it("creates, gets, lists and deletes a Job with server-filled metadata", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch } = clientsFor(kube);
    const created = await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(created.metadata?.resourceVersion)).toBeGreaterThan(0);
    expect(created.metadata?.generation).toBe(1);
    expect(created.spec?.template.metadata?.labels?.["job-name"]).toBe("train");

    const got = await batch.readNamespacedJob({ namespace: "bench", name: "train" });
    expect(got.metadata?.uid).toBe(created.metadata?.uid);

    await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("other") });
    const list = await batch.listNamespacedJob({ namespace: "bench", fieldSelector: "metadata.name=train" });
    expect(list.items.map((j) => j.metadata?.name)).toEqual(["train"]);
    const bySet = await batch.listNamespacedJob({
      namespace: "bench",
      labelSelector: "job-name in (train, other)",
    });
    expect(bySet.items).toHaveLength(2);

    await batch.deleteNamespacedJob({ namespace: "bench", name: "train", propagationPolicy: "Background" });
    const gone = await apiFailure(batch.readNamespacedJob({ namespace: "bench", name: "train" }));
    expect(gone.code).toBe(404);
    expect(gone.status).toMatchObject({
      kind: "Status",
      reason: "NotFound",
      message: 'jobs.batch "train" not found',
    });
  });

  it("answers 409 AlreadyExists to a duplicate create", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch } = clientsFor(kube);
    await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") });
    const failure = await apiFailure(
      batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") }),
    );
    expect(failure.code).toBe(409);
    expect(failure.status).toMatchObject({
      reason: "AlreadyExists",
      message: 'jobs.batch "train" already exists',
    });
  });

  it("answers 422 Invalid with causes for a container without an image, per the official schema", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch } = clientsFor(kube);
    const job = jobManifest("train");
    delete job.spec!.template.spec!.containers[0]!.image;
    (job.metadata as Record<string, unknown>).name = "Train_1";
    const failure = await apiFailure(batch.createNamespacedJob({ namespace: "bench", body: job }));
    expect(failure.code).toBe(422);
    expect(failure.status.reason).toBe("Invalid");
    const causes = (failure.status.details as { causes: { field: string; reason: string }[] }).causes;
    expect(causes).toContainEqual(
      expect.objectContaining({
        reason: "FieldValueRequired",
        field: "spec.template.spec.containers[0].image",
      }),
    );
    expect(causes).toContainEqual(
      expect.objectContaining({ reason: "FieldValueInvalid", field: "metadata.name" }),
    );
    expect(failure.status.message).toMatch(/^Job\.batch "Train_1" is invalid: \[/);
  });

  it("rejects a Job whose pods would restart Always, as the API server does", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const job = jobManifest("train");
    delete job.spec!.template.spec!.restartPolicy;
    const failure = await apiFailure(
      clientsFor(kube).batch.createNamespacedJob({ namespace: "bench", body: job }),
    );
    expect(failure.status.details).toMatchObject({
      causes: [{ reason: "FieldValueNotSupported", field: "spec.template.spec.restartPolicy" }],
    });
  });

  it("answers 403 with RBAC's message for a forbidden verb", async () => {
    kube = await startFakeKube({
      namespaces: ["bench"],
      forbid: [{ verb: "create", resource: "jobs", group: "batch" }],
    });
    const failure = await apiFailure(
      clientsFor(kube).batch.createNamespacedJob({ namespace: "bench", body: jobManifest("x") }),
    );
    expect(failure.code).toBe(403);
    expect(failure.status.message).toBe(
      'jobs.batch is forbidden: User "system:serviceaccount:ci:maat" cannot create resource "jobs" in API group "batch" in the namespace "bench"',
    );
  });

  it("answers 401 to a request without the kubeconfig's token", async () => {
    kube = await startFakeKube();
    const response = await fetch(`${kube.url}/api/v1/namespaces`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    const authorized = await fetch(`${kube.url}/api/v1/namespaces`, {
      headers: { authorization: `Bearer ${kube.token}` },
    });
    expect(authorized.status).toBe(200);
  });

  it("answers 404 for MPIJobs when the MPI operator's CRD is not installed", async () => {
    kube = await startFakeKube({ namespaces: ["bench"], installedCrds: ["pytorchjobs"] });
    const { custom } = clientsFor(kube);
    const failure = await apiFailure(
      custom.listNamespacedCustomObject({
        group: "kubeflow.org",
        version: "v2beta1",
        namespace: "bench",
        plural: "mpijobs",
      }),
    );
    expect(failure.code).toBe(404);
    expect(failure.status.message).toBe("the server could not find the requested resource");
    const discovery = await fetch(`${kube.url}/apis/kubeflow.org/v2beta1`, {
      headers: { authorization: `Bearer ${kube.token}` },
    });
    expect(discovery.status).toBe(404);
  });

  it("deletes a Job's pods with Foreground propagation and keeps them with the batch/v1 default (orphan)", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch, core } = clientsFor(kube);
    await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("kept") });
    await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("gone") });
    await batch.deleteNamespacedJob({ namespace: "bench", name: "kept" });
    await batch.deleteNamespacedJob({ namespace: "bench", name: "gone", propagationPolicy: "Foreground" });
    const pods = await core.listNamespacedPod({ namespace: "bench" });
    const names = pods.items.map((p) => p.metadata?.name ?? "");
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^kept-[a-z0-9]{5}$/);
    expect(pods.items[0]?.metadata?.ownerReferences).toBeUndefined();
    const deletes = kube.requests.filter((r) => r.method === "DELETE");
    expect(deletes.map((r) => r.query.propagationPolicy)).toEqual([undefined, "Foreground"]);
  });

  it("fails the next matching request with an injected 429 carrying Retry-After", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    kube.faults.failNext({ method: "POST", pathPattern: "/jobs", status: 429, retryAfterSeconds: 2 });
    const { batch } = clientsFor(kube);
    const failure = await apiFailure(
      batch.createNamespacedJob({ namespace: "bench", body: jobManifest("x") }),
    );
    expect(failure.code).toBe(429);
    expect(failure.status).toMatchObject({ reason: "TooManyRequests", details: { retryAfterSeconds: 2 } });
    await expect(
      batch.createNamespacedJob({ namespace: "bench", body: jobManifest("x") }),
    ).resolves.toBeDefined();
  });

  it("lists events about one object with an involvedObject field selector", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch, core } = clientsFor(kube);
    await batch.createNamespacedJob({
      namespace: "bench",
      body: jobManifest("train", { nodeSelector: { gpu: "h100" } }),
    });
    const pod = kube.cluster.pods({ labelSelector: "job-name=train" })[0]!;
    expect(kube.cluster.schedule(pod.metadata.name)).toBe(false);
    const events = await core.listNamespacedEvent({
      namespace: "bench",
      fieldSelector: `involvedObject.name=${pod.metadata.name}`,
    });
    expect(events.items.map((e) => [e.reason, e.message])).toEqual([
      ["FailedScheduling", "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."],
    ]);
    const stored = kube.state.get("pods", "bench", pod.metadata.name);
    expect(stored?.status.conditions).toContainEqual(
      expect.objectContaining({ type: "PodScheduled", status: "False", reason: "Unschedulable" }),
    );
  });
});

describe("fake-kube updates", () => {
  it("applies a JSON patch, bumping generation only when the spec changes", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch } = clientsFor(kube);
    const created = await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") });
    const labelled = await batch.patchNamespacedJob({
      namespace: "bench",
      name: "train",
      body: [{ op: "add", path: "/metadata/labels/maat.dev~1run", value: "r1" }],
    });
    expect(labelled.metadata?.labels?.["maat.dev/run"]).toBe("r1");
    expect(labelled.metadata?.generation).toBe(1);
    expect(Number(labelled.metadata?.resourceVersion)).toBeGreaterThan(
      Number(created.metadata?.resourceVersion),
    );
    const deadline = await batch.patchNamespacedJob({
      namespace: "bench",
      name: "train",
      body: [{ op: "add", path: "/spec/activeDeadlineSeconds", value: 60 }],
    });
    expect(deadline.metadata?.generation).toBe(2);
    expect(kube.requests.at(-1)?.contentType).toBe("application/json-patch+json");
  });

  it("keeps the fields it defaults within the official schemas, so stored objects validate", async () => {
    kube = await startFakeKube({ namespaces: ["bench"] });
    const { batch, core } = clientsFor(kube);
    await batch.createNamespacedJob({ namespace: "bench", body: jobManifest("train") });
    await core.createNamespacedService({
      namespace: "bench",
      body: { metadata: { name: "server" }, spec: { selector: { app: "server" }, ports: [{ port: 8000 }] } },
    });
    for (const [plural, name] of [
      ["jobs", "train"],
      ["services", "server"],
    ] as const) {
      const { status: _status, ...stored } = kube.state.get(plural, "bench", name)!;
      expect(validateKubernetesObject(JSON.parse(JSON.stringify(stored)))).toEqual([]);
    }
  });
});
