import { describe, expect, it } from "vitest";
import { concludeRun } from "../../src/runners/kubernetes/conclude-run.js";
import { renderManifests } from "../../src/runners/kubernetes/render/index.js";
import { describeWorkload } from "../../src/runners/kubernetes/workload.js";
import { descriptorFor } from "./run-helpers.js";

const workload = describeWorkload(
  renderManifests(
    { ...descriptorFor(), run: { ...descriptorFor().run, timeoutMs: 60_000 } },
    { runId: "r-12345678" },
  ),
);
const unschedulable = {
  kind: "unschedulable" as const,
  pod: "resnet50-train-12345678-abcde",
  reason:
    "the benchmark cannot be scheduled (pod resnet50-train-12345678-abcde): no node with node.kubernetes.io/instance-type=t3.small (scheduler: 0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.)",
};
const deadline = {
  end: "failed" as const,
  state: { phase: "failed" as const, reason: "DeadlineExceeded", deadlineExceeded: true },
};

describe("concludeRun", () => {
  it("reports a pod no node took as unschedulable when the Job's deadline ends the wait, not as a time-out", () => {
    const conclusion = concludeRun({
      verdict: deadline,
      workload,
      namespace: "bench",
      pods: [],
      events: [],
      clientGraceMs: 60_000,
      unschedulableTimeoutMs: 300_000,
      unschedulable,
    });
    expect(conclusion).toEqual({
      status: "failed",
      reason: `${unschedulable.reason}; the Job's deadline of 60s passed before any node took it`,
      exitCode: null,
      deleteWorkload: false,
    });
  });

  it("keeps calling a deadline a time-out when the benchmark did run", () => {
    const conclusion = concludeRun({
      verdict: deadline,
      workload,
      namespace: "bench",
      pods: [],
      events: [],
      clientGraceMs: 60_000,
      unschedulableTimeoutMs: 300_000,
    });
    expect(conclusion.status).toBe("timed_out");
    expect(conclusion.reason).toContain("ran past its deadline of 60s");
  });
});
