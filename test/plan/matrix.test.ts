import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseRepositoryConfig } from "../../src/config/index.js";
import { MAX_MATRIX_JOBS, PlanError, planRuns, toMatrix } from "../../src/plan/index.js";
import type { PlanEntry } from "../../src/plan/types.js";
import { makeDescriptor } from "./make-descriptor.js";

const NOW = new Date("2026-03-01T12:00:00Z");

function entry(i: number, runsOn = ["self-hosted", "linux"]): PlanEntry {
  return { descriptor: `b/${i}.toml`, benchmark: `b-${i}`, runsOn, backend: "local", reason: "test" };
}

describe("toMatrix", () => {
  it("gives each benchmark its own job when they fit", () => {
    const matrix = toMatrix({ entries: [entry(1), entry(2)] });
    expect(matrix.include).toEqual([
      {
        name: "b-1",
        descriptors: ["b/1.toml"],
        benchmarks: ["b-1"],
        "runs-on": ["self-hosted", "linux"],
        backend: "local",
        descriptor: "b/1.toml",
        benchmark: "b-1",
      },
      {
        name: "b-2",
        descriptors: ["b/2.toml"],
        benchmarks: ["b-2"],
        "runs-on": ["self-hosted", "linux"],
        backend: "local",
        descriptor: "b/2.toml",
        benchmark: "b-2",
      },
    ]);
  });

  it("packs 300 planned benchmarks into at most 256 jobs, each benchmark exactly once", () => {
    const descriptors = Array.from({ length: 300 }, (_, i) =>
      makeDescriptor(`benchmarks/b${String(i).padStart(3, "0")}.toml`, {
        instanceType: i % 3 === 0 ? "p3.2xlarge" : "t3.medium",
      }),
    );
    const { config } = parseRepositoryConfig(
      '[[runners.rules]]\ninstance_type = "p3.*"\nruns_on = ["gpu"]\n',
      "maat.toml",
    );
    const plan = planRuns({
      event: { kind: "workflow_dispatch", benchmarks: ["all"] },
      descriptors,
      config: config!,
      now: NOW,
    });
    const { include } = toMatrix(plan);
    expect(include.length).toBeLessThanOrEqual(MAX_MATRIX_JOBS);
    expect(include.flatMap((job) => job.descriptors).sort()).toEqual(descriptors.map((d) => d.path).sort());
    // A job never mixes runners: every benchmark in it runs where the job runs.
    for (const job of include) {
      const expected = job.descriptors.map((p) =>
        plan.entries.find((e) => e.descriptor === p)!.runsOn.join(),
      );
      expect(new Set(expected)).toEqual(new Set([job["runs-on"].join()]));
    }
    expect(include.some((job) => job.descriptors.length > 1 && job.descriptor === undefined)).toBe(true);
    expect(Math.max(...include.map((j) => j.descriptors.length))).toBe(2);
  });

  it("fails clearly when the matrix would not fit in a job output", () => {
    const entries = Array.from({ length: 50 }, (_, i) => entry(i));
    expect(() => toMatrix({ entries }, { maxBytes: 2_000 })).toThrow(PlanError);
    expect(() => toMatrix({ entries }, { maxBytes: 2_000 })).toThrow(
      /more than the 2000 a job output can carry/,
    );
  });

  it("fails when there are more distinct runners than jobs", () => {
    const entries = [entry(1, ["a"]), entry(2, ["b"]), entry(3, ["c"])];
    expect(() => toMatrix({ entries }, { maxJobs: 2 })).toThrow(/3 different runners/);
  });

  it("gives an empty plan an empty include list", () => {
    const plan = planRuns({
      event: { kind: "push", ref: "refs/heads/dev", defaultBranch: "main", changedFiles: [] },
      descriptors: [],
      config: DEFAULT_CONFIG,
      now: NOW,
    });
    expect(toMatrix(plan)).toEqual({ include: [] });
  });
});
