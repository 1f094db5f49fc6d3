import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/index.js";
import { planRuns } from "../../src/plan/index.js";
import type { PushEvent } from "../../src/plan/types.js";
import { makeDescriptor } from "./make-descriptor.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const DESCRIPTORS = [
  makeDescriptor("benchmarks/resnet/train.toml"),
  makeDescriptor("benchmarks/bert/bert.toml"),
  makeDescriptor("benchmarks/nightly/llm.toml", { scheduling: "0 3 * * *" }),
];

function push(ref: string, changedFiles: string[]): PushEvent {
  return { kind: "push", ref, defaultBranch: "main", changedFiles };
}

describe("planRuns on a push", () => {
  it("reruns the touched single-run benchmarks on the default branch, to refresh baselines", () => {
    const changed = ["benchmarks/resnet/model.py", "benchmarks/nightly/llm.toml"];
    const result = planRuns({
      event: push("refs/heads/main", changed),
      descriptors: DESCRIPTORS,
      config: DEFAULT_CONFIG,
      now: NOW,
    });
    expect(result.entries.map((e) => e.benchmark)).toEqual(["benchmarks-resnet-train"]);
    expect(result.skipped.find((s) => s.id === "benchmarks-nightly-llm")?.reason).toBe(
      "scheduled (`0 3 * * *`): its baseline is refreshed on schedule",
    );
  });

  it("plans nothing for a push to another branch, and says why", () => {
    const changed = ["benchmarks/resnet/train.toml"];
    const result = planRuns({
      event: push("refs/heads/feature", changed),
      descriptors: DESCRIPTORS,
      config: DEFAULT_CONFIG,
      now: NOW,
    });
    expect(result.entries).toEqual([]);
    expect(result.notes[0]).toMatch(/only pushes to `main` refresh baselines/);
  });

  it("plans nothing for a tag", () => {
    const result = planRuns({
      event: push("refs/tags/v1", ["benchmarks/resnet/train.toml"]),
      descriptors: DESCRIPTORS,
      config: DEFAULT_CONFIG,
      now: NOW,
    });
    expect(result.entries).toEqual([]);
  });

  it("refreshes baselines on the configured baseline branch instead of the default one", () => {
    const config = { ...DEFAULT_CONFIG, baselines: { ...DEFAULT_CONFIG.baselines, branch: "release" } };
    const changed = ["benchmarks/resnet/train.toml"];
    expect(
      planRuns({ event: push("refs/heads/release", changed), descriptors: DESCRIPTORS, config, now: NOW })
        .entries,
    ).toHaveLength(1);
    expect(
      planRuns({ event: push("refs/heads/main", changed), descriptors: DESCRIPTORS, config, now: NOW })
        .entries,
    ).toEqual([]);
  });
});
