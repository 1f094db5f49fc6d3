import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/index.js";
import { planRuns } from "../../src/plan/index.js";
import type { PullRequestEvent } from "../../src/plan/types.js";
import { makeDescriptor } from "./make-descriptor.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

const DESCRIPTORS = [
  makeDescriptor("benchmarks/resnet/train.toml"),
  makeDescriptor("benchmarks/resnet/infer.toml"),
  makeDescriptor("benchmarks/bert.toml", { watch: ["src/model/**", "!src/model/docs/**"] }),
  makeDescriptor("benchmarks/nightly/llm.toml", { scheduling: "@daily" }),
];

function pullRequest(changedFiles: string[], extra: Partial<PullRequestEvent> = {}): PullRequestEvent {
  return {
    kind: "pull_request",
    changedFiles,
    labels: [],
    headSha: HEAD,
    isFork: false,
    prNumber: 7,
    ...extra,
  };
}

function plan(event: PullRequestEvent) {
  return planRuns({ event, descriptors: DESCRIPTORS, config: DEFAULT_CONFIG, now: NOW });
}

const planned = (event: PullRequestEvent) => plan(event).entries.map((e) => e.benchmark);

describe("planRuns on a pull request", () => {
  it("runs a benchmark whose descriptor changed, and only that one", () => {
    const result = plan(pullRequest(["benchmarks/resnet/train.toml"]));
    expect(result.entries).toEqual([
      {
        descriptor: "benchmarks/resnet/train.toml",
        benchmark: "benchmarks-resnet-train",
        runsOn: ["self-hosted", "linux"],
        backend: "local",
        reason: "descriptor changed",
      },
    ]);
  });

  it("runs every benchmark of a folder whose code changed", () => {
    expect(planned(pullRequest(["benchmarks/resnet/model.py"]))).toEqual([
      "benchmarks-resnet-infer",
      "benchmarks-resnet-train",
    ]);
  });

  it("gives a changed file to the deepest benchmark folder only", () => {
    // benchmarks/bert.toml lives in benchmarks/, but resnet's code belongs to resnet.
    expect(planned(pullRequest(["benchmarks/resnet/data/loader.py"]))).not.toContain("benchmarks-bert");
    expect(planned(pullRequest(["benchmarks/common.py"]))).toEqual(["benchmarks-bert"]);
  });

  it("runs a benchmark whose watch glob matches, honouring exclusions", () => {
    const result = plan(pullRequest(["src/model/layers.py"]));
    expect(result.entries.map((e) => [e.benchmark, e.reason])).toEqual([
      ["benchmarks-bert", "watched `src/model/**` matches `src/model/layers.py`"],
    ]);
    expect(planned(pullRequest(["src/model/docs/README.md"]))).toEqual([]);
  });

  it("matches dot files with watch globs", () => {
    expect(planned(pullRequest(["src/model/.config.yaml"]))).toEqual(["benchmarks-bert"]);
  });

  it("plans nothing for a change no benchmark watches, and says why each was skipped", () => {
    const result = plan(pullRequest(["README.md"]));
    expect(result.entries).toEqual([]);
    expect(result.skipped).toHaveLength(4);
    expect(result.skipped.find((s) => s.id === "benchmarks-bert")?.reason).toMatch(
      /no changed file touches it/,
    );
    expect(result.skipped.find((s) => s.id === "benchmarks-nightly-llm")?.reason).toBe(
      "scheduled (`@daily`): runs on pull requests only when its own files change",
    );
  });

  it("runs a scheduled benchmark when the pull request changes its own files", () => {
    const result = plan(pullRequest(["benchmarks/nightly/prompt.txt"]));
    expect(result.entries.map((e) => [e.benchmark, e.reason])).toEqual([
      [
        "benchmarks-nightly-llm",
        "benchmark folder changed: `benchmarks/nightly/prompt.txt` (scheduled benchmark: its own files changed)",
      ],
    ]);
  });

  it("runs everything, scheduled benchmarks included, with the run-all label", () => {
    const result = plan(pullRequest([], { labels: ["benchmark:all"] }));
    expect(result.entries).toHaveLength(4);
    expect(new Set(result.entries.map((e) => e.reason))).toEqual(new Set(["label `benchmark:all`"]));
  });

  it("writes a summary table of what runs, where and why", () => {
    const { summaryMarkdown } = plan(pullRequest(["benchmarks/resnet/train.toml"]));
    expect(summaryMarkdown).toContain("### Maat run plan: pull request #7");
    expect(summaryMarkdown).toContain(
      "| `benchmarks-resnet-train` | `benchmarks/resnet/train.toml` | self-hosted, linux | local | descriptor changed |",
    );
    expect(summaryMarkdown).toContain("<details><summary>Skipped (3)</summary>");
  });
});

describe("planRuns on a pull request from a fork", () => {
  const fork = (extra: Partial<PullRequestEvent>) =>
    pullRequest(["benchmarks/resnet/train.toml"], { isFork: true, ...extra });

  it("plans nothing until a maintainer trusts the head commit, and says how to ask", () => {
    const result = plan(fork({}));
    expect(result.entries).toEqual([]);
    expect(result.notes.join(" ")).toContain(
      "A maintainer can apply the label `benchmark:trusted` to run benchmarks on commit ec26c3e; pushing new commits requires applying it again.",
    );
    expect(result.summaryMarkdown).toContain("apply the label `benchmark:trusted`");
    expect(result.skipped.find((s) => s.id === "benchmarks-resnet-train")?.reason).toMatch(
      /would run \(descriptor changed\), but the fork is not trusted at ec26c3e/,
    );
  });

  it("does not let the run-all label bypass the trust check", () => {
    expect(plan(fork({ labels: ["benchmark:all", "benchmark:trusted"] })).entries).toEqual([]);
  });

  it("runs once the trust label was applied at the current head", () => {
    const result = plan(fork({ trustedSha: HEAD }));
    expect(result.entries.map((e) => e.benchmark)).toEqual(["benchmarks-resnet-train"]);
    expect(result.notes.join(" ")).toMatch(/trusted at commit ec26c3e/);
  });

  it("asks for the label again after a new push", () => {
    const result = plan(fork({ trustedSha: "0123456789abcdef0123456789abcdef01234567" }));
    expect(result.entries).toEqual([]);
    expect(result.notes.join(" ")).toMatch(/applied at commit 0123456, but the head is now ec26c3e/);
  });

  it("uses the configured trust label in its instructions", () => {
    const config = {
      ...DEFAULT_CONFIG,
      pullRequests: { ...DEFAULT_CONFIG.pullRequests, trustLabel: "ok-to-bench" },
    };
    const result = planRuns({ event: fork({}), descriptors: DESCRIPTORS, config, now: NOW });
    expect(result.notes.join(" ")).toContain("apply the label `ok-to-bench`");
  });
});
