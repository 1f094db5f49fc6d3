import { describe, expect, it } from "vitest";
import { findPodProblem } from "../../src/runners/kubernetes/pod-problems.js";
import { benchmarkPod, podEvent, unschedulableCondition, waiting } from "./cluster-objects.js";

const POD = "resnet50-train-3f9a1c2e-x7k2p";

describe("findPodProblem", () => {
  it("names the node selector no node satisfies", () => {
    const pod = benchmarkPod({
      conditions: unschedulableCondition(
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      ),
    });
    const problem = findPodProblem(pod, [], "the benchmark");
    expect(problem?.kind).toBe("unschedulable");
    expect(problem?.reason).toBe(
      `the benchmark cannot be scheduled (pod ${POD}): no node with node.kubernetes.io/instance-type=p3.8xlarge (scheduler: 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.)`,
    );
  });

  it("says which resource is short and how much the pod asks for", () => {
    const pod = benchmarkPod({
      gpus: "4",
      conditions: unschedulableCondition(
        "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient nvidia.com/gpu.",
      ),
    });
    const reason = findPodProblem(pod, [], "the benchmark")?.reason ?? "";
    expect(reason).toContain("insufficient nvidia.com/gpu (it asks for 4)");
    expect(reason).toContain("no node with node.kubernetes.io/instance-type=p3.8xlarge");
  });

  it("mentions a taint the pod does not tolerate", () => {
    const pod = benchmarkPod({
      conditions: unschedulableCondition(
        "0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: benchmarks}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
      ),
    });
    expect(findPodProblem(pod, [], "the benchmark")?.reason).toContain(
      "the nodes have a taint it does not tolerate {dedicated: benchmarks}",
    );
  });

  it("fails an ImagePullBackOff at once, naming the image and the pull error from the events", () => {
    const image = "ghcr.io/acme/bench:nope";
    const pod = benchmarkPod({
      image,
      phase: "Pending",
      containerStatuses: [
        waiting("benchmark", "ImagePullBackOff", `Back-off pulling image "${image}"`, image),
      ],
    });
    const events = [
      podEvent(
        POD,
        "Warning",
        "Failed",
        `Failed to pull image "${image}": manifest unknown`,
        "2025-03-04T10:00:05Z",
      ),
      podEvent(
        POD,
        "Warning",
        "Failed",
        `Failed to pull image "${image}": not found`,
        "2025-03-04T10:00:45Z",
      ),
    ];
    const problem = findPodProblem(pod, events, "the benchmark");
    expect(problem?.kind).toBe("image");
    expect(problem?.reason).toContain(`cannot pull image "${image}" for the benchmark`);
    expect(problem?.reason).toContain(`Failed to pull image "${image}": not found`);
  });

  it("gives a first ErrImagePull a chance: the kubelet retries before backing off", () => {
    const pod = benchmarkPod({
      containerStatuses: [waiting("benchmark", "ErrImagePull", "rpc error: code = Unavailable", "bench:v1")],
    });
    expect(findPodProblem(pod, [], "the benchmark")).toBeUndefined();
  });

  it("reports a server stuck in CrashLoopBackOff with its last exit code", () => {
    const status = waiting(
      "server",
      "CrashLoopBackOff",
      "back-off 40s restarting failed container",
      "vllm:0.6",
    );
    status.lastState = { terminated: { exitCode: 1, reason: "Error" } };
    const pod = benchmarkPod({
      component: "server",
      container: "server",
      phase: "Running",
      containerStatuses: [status],
    });
    expect(findPodProblem(pod, [], "the inference server")?.reason).toContain(
      "the inference server keeps crashing",
    );
    expect(findPodProblem(pod, [], "the inference server")?.reason).toContain("last exit code 1");
  });

  it("reports a missing secret as a container that cannot be created", () => {
    const pod = benchmarkPod({
      containerStatuses: [
        waiting("benchmark", "CreateContainerConfigError", 'secret "hf-token" not found', "bench:v1"),
      ],
    });
    expect(findPodProblem(pod, [], "the benchmark")).toMatchObject({
      kind: "config",
      reason: expect.stringContaining('secret "hf-token" not found'),
    });
  });
});
