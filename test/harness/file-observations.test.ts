import { describe, expect, it } from "vitest";
import type { MetricDefinition } from "../../src/descriptor/types.js";
import { fileObservations } from "../../src/harness/to-observations.js";
import { addResultFileMetrics } from "../../src/run/result-files-step.js";
import type { RepetitionOutcome } from "../../src/runners/runner.js";
import { parseFixture } from "./fixtures.js";

const hyperfine = parseFixture("hyperfine", "hyperfine/parameter-scan.json");
const reading = (prefix?: string) => ({
  entry: { path: "hf.json", format: "hyperfine" as const, ...(prefix === undefined ? {} : { prefix }) },
  file: "/work/hf.json",
  result: { metrics: [...hyperfine.metrics.values()], notes: [] },
});

describe("observations from result files", () => {
  it("marks values as read from a file, with the file's unit and direction for undeclared metrics", () => {
    const { metrics, undeclared } = fileObservations([reading("cli.")], []);
    expect(metrics["cli.sleep_0.010"]).toMatchObject({
      value: 0.013400726200000001,
      sources: ["file"],
      count: 5,
    });
    expect(undeclared["cli.sleep_0.020"]).toEqual({ unit: "s", direction: "lower_is_better" });
  });

  it("lets a declaration set the unit, noting a mismatch; the first file wins a shared name", () => {
    const declared = [{ name: "sleep_0.010", units: "ms", direction: "lower_is_better" } as MetricDefinition];
    const { undeclared, notes } = fileObservations([reading(), reading()], declared);
    expect(undeclared["sleep_0.010"]).toBeUndefined();
    expect(notes).toContain(
      'metric sleep_0.010 is declared in "ms" but hyperfine reports it in "s"; the value is recorded as read',
    );
    expect(notes.some((n) => n.startsWith("metric sleep_0.020 is in more than one result file"))).toBe(true);
  });
});

describe("a repetition's result files", () => {
  const outcome: RepetitionOutcome = {
    exitCode: 0,
    signal: null,
    durationMs: 5,
    status: "succeeded",
    reason: "the benchmark exited with code 0",
    metrics: {},
    undeclaredMetrics: {},
    logs: { output: "/tmp/rep-1.log" },
    notes: [],
  };
  const descriptor = { output: { metrics: [], files: [{ path: "hf.json", format: "hyperfine" }] } };
  const context = { cwd: "/nonexistent", before: new Map(), keepDir: "/nonexistent/keep" };

  it("fail on Kubernetes, which does not bring files back, and say so", async () => {
    const result = await addResultFileMetrics(outcome, {
      ...context,
      descriptor: descriptor as never,
      runnerKind: "kubernetes",
    });
    expect(result.status).toBe("failed");
    expect(result.reason).toContain("the kubernetes backend does not copy files back from the pod");
  });

  it("leave a timed-out repetition's own status alone", async () => {
    const timedOut = { ...outcome, status: "timed_out" as const, reason: "timed out after 1s" };
    const result = await addResultFileMetrics(timedOut, {
      ...context,
      descriptor: descriptor as never,
      runnerKind: "local",
    });
    expect(result).toMatchObject({ status: "timed_out", reason: "timed out after 1s" });
  });
});
