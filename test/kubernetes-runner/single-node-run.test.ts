import { afterEach, describe, expect, it } from "vitest";
import { type FakeKube, startFakeKube } from "../support/fake-kube/index.js";
import { deletions, descriptorFor, eventually, type Harness, harness, POD_SELECTOR } from "./run-helpers.js";

const JOB = "resnet50-train-3f9a1c2e";
const JOB_PATH = `/apis/batch/v1/namespaces/bench/jobs/${JOB}`;

let kube: FakeKube;
let run: Harness;
afterEach(async () => {
  await run?.dispose();
  await kube?.close();
});

async function start(options: Parameters<typeof harness>[1] = {}) {
  kube = await startFakeKube({ namespaces: ["bench"] });
  run = await harness(kube, options);
}

async function benchmarkPodName(): Promise<string> {
  const [pod] = await kube.cluster.waitForPods(POD_SELECTOR);
  return pod?.metadata.name as string;
}

describe("the Kubernetes runner on a single_node Job", () => {
  it("streams the log as it arrives and extracts the metrics from it", async () => {
    await start();
    const outcome = run.runner.runRepetition(run.request(descriptorFor()));
    const pod = await benchmarkPodName();
    kube.cluster.run(pod, { logs: ["epoch 1", "images/sec: 801.5"] });
    // The first lines reach the terminal while the benchmark still runs.
    await eventually(() => run.output.some((o) => o.text.includes("images/sec: 801.5")));
    kube.cluster.succeed(pod, { logs: ["images/sec: 812.25", "done"] });

    const result = await outcome;
    expect(result.status).toBe("succeeded");
    expect(result.exitCode).toBe(0);
    expect(result.metrics.throughput?.value).toBe(812.25);
    expect(result.metrics.throughput?.series).toEqual([801.5, 812.25]);
    expect(await run.readLog()).toBe("epoch 1\nimages/sec: 801.5\nimages/sec: 812.25\ndone\n");
    expect(result.cluster).toMatchObject({
      namespace: "bench",
      server: kube.url,
      nodes: [{ name: "ip-10-0-2-20.ec2.internal", instanceType: "g5.12xlarge" }],
    });
    expect(run.runner.backendInfo().cluster?.nodes).toEqual([
      { name: "ip-10-0-2-20.ec2.internal", instanceType: "g5.12xlarge" },
    ]);
  });

  it("masks known secrets in the pod's log and the live echo, and still reads the metric", async () => {
    await start();
    const secret = "AKIAFAKESECRET0001";
    const outcome = run.runner.runRepetition({ ...run.request(descriptorFor()), secrets: [secret] });
    const pod = await benchmarkPodName();
    kube.cluster.succeed(pod, { logs: [`key=${secret} images/sec: 90.5`] });
    const result = await outcome;
    expect(await run.readLog()).toBe("key=*** images/sec: 90.5\n");
    expect(run.output.map((o) => o.text).join("")).not.toContain(secret);
    expect(result.metrics.throughput?.value).toBe(90.5);
  });

  it("watches instead of polling: the Job and the run's pods are each watched by selector", async () => {
    await start();
    const outcome = run.runner.runRepetition(run.request(descriptorFor()));
    const pod = await benchmarkPodName();
    kube.cluster.succeed(pod, { logs: ["images/sec: 5"] });
    await outcome;
    const watches = kube.requests.filter((r) => r.query.watch === "true");
    expect(watches.map((r) => [r.path, r.query.fieldSelector ?? r.query.labelSelector])).toEqual(
      expect.arrayContaining([
        ["/apis/batch/v1/namespaces/bench/jobs", `metadata.name=${JOB}`],
        ["/api/v1/namespaces/bench/pods", POD_SELECTOR],
      ]),
    );
  });

  it("reports an OOMKilled benchmark as failed with exit code 137", async () => {
    await start();
    const outcome = run.runner.runRepetition(run.request(descriptorFor()));
    const pod = await benchmarkPodName();
    kube.cluster.run(pod, { logs: ["allocating"] });
    kube.cluster.fail(pod, { reason: "OOMKilled" });
    const result = await outcome;
    expect(result.status).toBe("failed");
    expect(result.exitCode).toBe(137);
    expect(result.reason).toContain(`container benchmark of pod ${pod} was OOMKilled`);
    expect(await run.readLog()).toBe("allocating\n");
  });

  it("fails a pod that stays unschedulable past the scheduling timeout, naming the selector, and deletes the Job", async () => {
    await start({ unschedulableTimeoutMs: 300 });
    // No node of the fake is a p3.8xlarge.
    const descriptor = descriptorFor({ hardware: { instanceType: "p3.8xlarge", strategy: "single_node" } });
    const outcome = run.runner.runRepetition(run.request(descriptor));
    const pod = await benchmarkPodName();
    expect(kube.cluster.schedule(pod)).toBe(false);
    const result = await outcome;
    expect(result.status).toBe("failed");
    expect(result.reason).toContain("no node with node.kubernetes.io/instance-type=p3.8xlarge");
    expect(result.reason).toContain("gave up after 300 ms (kubernetes.unschedulable_timeout)");
    expect(deletions(kube.requests)).toContainEqual({ path: JOB_PATH, policy: "Foreground" });
  });

  it("fails at once on ImagePullBackOff, naming the image", async () => {
    await start();
    const outcome = run.runner.runRepetition(run.request(descriptorFor()));
    kube.cluster.imagePullBackOff(await benchmarkPodName());
    const result = await outcome;
    expect(result.status).toBe("failed");
    expect(result.reason).toContain(
      'cannot pull image "123456789012.dkr.ecr.us-east-1.amazonaws.com/resnet:v3"',
    );
    expect(result.reason).toContain("not found");
    expect(deletions(kube.requests).map((d) => d.path)).toContain(JOB_PATH);
  });

  it("resumes from a fresh list when the watch expires (410 Gone) mid-run, and still completes", async () => {
    await start();
    const outcome = run.runner.runRepetition(run.request(descriptorFor()));
    const pod = await benchmarkPodName();
    kube.cluster.run(pod, { logs: ["images/sec: 700"] });
    const jobLists = () =>
      kube.requests.filter((r) => r.method === "GET" && r.query.watch !== "true" && r.path.endsWith("/jobs"));
    await eventually(() => run.output.length > 0);
    expect(jobLists()).toHaveLength(1);
    kube.faults.expireWatches();
    await eventually(() => jobLists().length === 2);
    kube.cluster.succeed(pod);
    const result = await outcome;
    expect(result.status).toBe("succeeded");
    expect(result.metrics.throughput?.value).toBe(700);
  });

  it("resumes a watch whose connection is cut without a goodbye", async () => {
    await start();
    const outcome = run.runner.runRepetition(run.request(descriptorFor()));
    const pod = await benchmarkPodName();
    kube.cluster.run(pod);
    kube.faults.dropWatches();
    kube.cluster.succeed(pod, { logs: ["images/sec: 9"] });
    expect((await outcome).status).toBe("succeeded");
  });

  it("deletes the Job with Foreground propagation when cancelled, and says cancelled", async () => {
    await start();
    const controller = new AbortController();
    const outcome = run.runner.runRepetition(run.request(descriptorFor(), { signal: controller.signal }));
    const pod = await benchmarkPodName();
    kube.cluster.run(pod, { logs: ["step 1"] });
    await eventually(() => run.output.length > 0);
    controller.abort();
    const result = await outcome;
    expect(result.status).toBe("error");
    expect(result.reason).toBe("cancelled");
    expect(deletions(kube.requests)).toContainEqual({ path: JOB_PATH, policy: "Foreground" });
  });

  it("deletes the Job and reports timed_out when the client-side limit passes", async () => {
    await start({ clientTimeLimitGraceMs: 100 });
    const outcome = run.runner.runRepetition(run.request(descriptorFor(), { timeLimitMs: 200 }));
    kube.cluster.run(await benchmarkPodName(), { logs: ["still going"] });
    const result = await outcome;
    expect(result.status).toBe("timed_out");
    expect(result.reason).toContain("time limit of 200 ms (plus 100 ms grace)");
    expect(deletions(kube.requests)).toContainEqual({ path: JOB_PATH, policy: "Foreground" });
    const created = kube.requests.find((r) => r.method === "POST" && r.path.endsWith("/jobs"));
    // The object's own deadline follows the repetition's limit, rounded up to whole seconds.
    expect(created?.body).toMatchObject({ spec: { activeDeadlineSeconds: 1 } });
  });

  it("reports a Job that exceeded its activeDeadlineSeconds as timed_out", async () => {
    await start();
    const outcome = run.runner.runRepetition(run.request(descriptorFor(), { timeLimitMs: 60_000 }));
    kube.cluster.run(await benchmarkPodName());
    kube.cluster.exceedDeadline(JOB, "bench");
    const result = await outcome;
    expect(result.status).toBe("timed_out");
    expect(result.reason).toContain("the Job ran past its deadline of 60s (activeDeadlineSeconds)");
  });

  it("names the verb and the resource when the cluster forbids creating Jobs", async () => {
    kube = await startFakeKube({
      namespaces: ["bench"],
      forbid: [{ verb: "create", resource: "jobs", group: "batch" }],
    });
    run = await harness(kube);
    await expect(run.runner.runRepetition(run.request(descriptorFor()))).rejects.toThrow(
      /^the cluster forbids create on jobs\.batch in namespace "bench" for User "system:serviceaccount:ci:maat"/,
    );
  });
});
