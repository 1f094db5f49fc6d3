import { describe, expect, it } from "vitest";
import { diagnoseFailure, type FailureFacts } from "../../src/runners/kubernetes/diagnose-failure.js";
import { judgeWorkload } from "../../src/runners/kubernetes/workload-state.js";
import { benchmarkPod, podEvent, terminated, unschedulableCondition, waiting } from "./cluster-objects.js";

const backoffLimitExceeded = {
  phase: "failed",
  reason: "BackoffLimitExceeded",
  message: "Job has reached the specified backoff limit",
  deadlineExceeded: false,
} as const;

function facts(overrides: Partial<FailureFacts>): FailureFacts {
  return {
    state: backoffLimitExceeded,
    noun: "the Job",
    benchmarkComponent: "benchmark",
    pods: [],
    events: [],
    ...overrides,
  };
}

describe("diagnoseFailure", () => {
  it("names OOMKilled with the container, the pod and the memory limit", () => {
    const pod = benchmarkPod({
      phase: "Failed",
      memoryLimit: "16Gi",
      containerStatuses: [terminated("benchmark", 137, "OOMKilled")],
    });
    const diagnosis = diagnoseFailure(facts({ pods: [pod] }));
    expect(diagnosis.status).toBe("failed");
    expect(diagnosis.exitCode).toBe(137);
    expect(diagnosis.reason).toBe(
      "the benchmark ran out of memory: container benchmark of pod resnet50-train-3f9a1c2e-x7k2p was OOMKilled (exit code 137, memory limit 16Gi); the Job failed (BackoffLimitExceeded)",
    );
  });

  it("says a pod was evicted, from which node, with the kubelet's message", () => {
    const pod = benchmarkPod({
      phase: "Failed",
      nodeName: "ip-10-0-2-20.ec2.internal",
      reason: "Evicted",
      message: "The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 2Gi. ",
    });
    const { reason, status } = diagnoseFailure(facts({ pods: [pod] }));
    expect(status).toBe("failed");
    expect(reason).toMatch(
      /^pod resnet50-train-3f9a1c2e-x7k2p of the benchmark was evicted from node ip-10-0-2-20\.ec2\.internal: The node was low on resource: ephemeral-storage/,
    );
  });

  it("names the image that cannot be pulled and the registry's answer", () => {
    const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/resnet:v9";
    const pod = benchmarkPod({
      image,
      containerStatuses: [waiting("benchmark", "ErrImagePull", "rpc error: code = NotFound", image)],
    });
    const events = [
      podEvent(
        "resnet50-train-3f9a1c2e-x7k2p",
        "Warning",
        "Failed",
        `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": not found`,
      ),
    ];
    const { reason } = diagnoseFailure(facts({ pods: [pod], events }));
    expect(reason).toContain(`cannot pull image "${image}" for the benchmark`);
    expect(reason).toContain("ErrImagePull");
    expect(reason).toContain(`Failed to pull image "${image}": rpc error: code = NotFound`);
  });

  it("turns a Job past its activeDeadlineSeconds into timed_out, naming the deadline", () => {
    const pod = benchmarkPod({ phase: "Failed", containerStatuses: [terminated("benchmark", 137, "Error")] });
    const diagnosis = diagnoseFailure(
      facts({
        state: {
          phase: "failed",
          reason: "DeadlineExceeded",
          message: "Job was active longer than specified deadline",
          deadlineExceeded: true,
        },
        activeDeadlineSeconds: 600,
        pods: [pod],
      }),
    );
    expect(diagnosis).toEqual({
      status: "timed_out",
      reason: "the Job ran past its deadline of 600s (activeDeadlineSeconds)",
      exitCode: 137,
    });
  });

  it("explains a deadline that passed while the pod could not be scheduled", () => {
    const pod = benchmarkPod({
      conditions: unschedulableCondition(
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      ),
    });
    const { status, reason } = diagnoseFailure(
      facts({ state: { phase: "failed", reason: "DeadlineExceeded", deadlineExceeded: true }, pods: [pod] }),
    );
    expect(status).toBe("timed_out");
    expect(reason).toContain("no node with node.kubernetes.io/instance-type=p3.8xlarge");
  });

  it("gives the benchmark's exit code when the backoff limit is exceeded", () => {
    const pod = benchmarkPod({ phase: "Failed", containerStatuses: [terminated("benchmark", 3, "Error")] });
    const diagnosis = diagnoseFailure(facts({ pods: [pod] }));
    expect(diagnosis).toEqual({
      status: "failed",
      reason:
        "the benchmark exited with code 3 in pod resnet50-train-3f9a1c2e-x7k2p; the Job failed (BackoffLimitExceeded)",
      exitCode: 3,
    });
  });

  it("blames a failed data download in an init container before the benchmark that never ran", () => {
    const pod = benchmarkPod({
      phase: "Failed",
      initContainerStatuses: [terminated("fetch-data", 1, "Error", "amazon/aws-cli:2.17.0")],
      containerStatuses: [waiting("benchmark", "PodInitializing", undefined, "resnet:v3")],
    });
    const { reason, exitCode } = diagnoseFailure(facts({ pods: [pod] }));
    expect(reason).toMatch(
      /^init container fetch-data of pod \S+ failed while downloading data with exit code 1;/,
    );
    expect(exitCode).toBeNull();
  });

  it("looks at the MPI launcher before a worker and reports the launcher's exit code", () => {
    const launcher = benchmarkPod({
      name: "hvd-3f9a1c2e-launcher-abcde",
      component: "launcher",
      container: "launcher",
      phase: "Failed",
      containerStatuses: [terminated("launcher", 2, "Error")],
    });
    const worker = benchmarkPod({
      name: "hvd-3f9a1c2e-worker-0",
      component: "worker",
      container: "worker",
      phase: "Failed",
      containerStatuses: [terminated("worker", 137, "OOMKilled")],
    });
    const diagnosis = diagnoseFailure(
      facts({
        noun: "the MPIJob",
        benchmarkComponent: "launcher",
        pods: [worker, launcher],
        state: { phase: "failed", reason: "MPIJobFailed", deadlineExceeded: false },
      }),
    );
    expect(diagnosis.reason).toBe(
      "the benchmark exited with code 2 in pod hvd-3f9a1c2e-launcher-abcde; the MPIJob failed (MPIJobFailed)",
    );
    expect(diagnosis.exitCode).toBe(2);
  });

  it("falls back to the workload's own condition when no pod explains the failure", () => {
    expect(diagnoseFailure(facts({ pods: [] })).reason).toBe(
      "the Job failed (BackoffLimitExceeded): Job has reached the specified backoff limit",
    );
  });
});

describe("judgeWorkload", () => {
  it("reads a completed Job as succeeded", () => {
    const job = { status: { conditions: [{ type: "Complete", status: "True" }] } };
    expect(judgeWorkload(job)).toEqual({ phase: "succeeded" });
  });

  it("reads a PyTorchJob that ran past its deadline from the training operator's message", () => {
    const job = {
      status: {
        conditions: [
          { type: "Running", status: "False" },
          {
            type: "Failed",
            status: "True",
            reason: "PyTorchJobFailed",
            message:
              "PyTorchJob bench/ddp-3f9a1c2e has failed because it was active longer than specified deadline",
          },
        ],
      },
    };
    expect(judgeWorkload(job)).toMatchObject({ phase: "failed", deadlineExceeded: true });
  });

  it("does not take a Failed condition that is not True as a failure", () => {
    const job = { status: { conditions: [{ type: "Failed", status: "False" }] } };
    expect(judgeWorkload(job)).toEqual({ phase: "running" });
  });
});
