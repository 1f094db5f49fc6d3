import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/index.js";
import { PlanError, planRuns } from "../../src/plan/index.js";
import { makeDescriptor } from "./make-descriptor.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const DESCRIPTORS = [
  makeDescriptor("benchmarks/resnet.toml", { id: "resnet50" }),
  makeDescriptor("benchmarks/bert.toml", { id: "bert-large" }),
  makeDescriptor("benchmarks/llm.toml", { id: "llm", scheduling: "@daily" }),
];

const dispatch = (benchmarks: string[]) =>
  planRuns({
    event: { kind: "workflow_dispatch", benchmarks },
    descriptors: DESCRIPTORS,
    config: DEFAULT_CONFIG,
    now: NOW,
  });

describe("planRuns on a manual dispatch", () => {
  it("runs the benchmarks named by id or by path, scheduled ones included", () => {
    const result = dispatch(["resnet50", "./benchmarks/llm.toml"]);
    expect(result.entries.map((e) => e.benchmark)).toEqual(["llm", "resnet50"]);
    expect(result.skipped).toEqual([
      { id: "bert-large", path: "benchmarks/bert.toml", reason: "not requested" },
    ]);
  });

  it("runs everything for all", () => {
    expect(dispatch(["all"]).entries).toHaveLength(3);
  });

  it("rejects an unknown name with the nearest known one", () => {
    const error = (() => {
      try {
        dispatch(["resnet5O", "bert-lage"]);
      } catch (e) {
        return e;
      }
    })() as PlanError;
    expect(error).toBeInstanceOf(PlanError);
    expect(error.message).toBe("unknown benchmarks `resnet5O`, `bert-lage`");
    expect(error.hint).toBe("`resnet5O`: did you mean `resnet50`?; `bert-lage`: did you mean `bert-large`?");
  });

  it("rejects a dispatch that names nothing", () => {
    expect(() => dispatch([" "])).toThrow(PlanError);
  });
});
