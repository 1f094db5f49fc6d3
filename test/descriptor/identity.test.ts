import { describe, expect, test } from "vitest";
import { descriptorId } from "../../src/descriptor/index.js";
import { descriptorOf, MINIMAL } from "./helpers.js";

describe("descriptorId", () => {
  test.each([
    ["benchmarks/resnet/descriptor.toml", "resnet"],
    ["benchmarks/nlp/bert.toml", "nlp-bert"],
    ["benchmarks/NLP/Bert Large.toml", "nlp-bertlarge"],
    ["perf/gpu/descriptor.toml", "perf-gpu"],
    ["./benchmarks/a/b/c.toml", "a-b-c"],
    ["benchmarks/descriptor.toml", "descriptor"],
    ["benchmarks/v1.2_run.toml", "v1.2_run"],
  ])("turns %s into %s", (path, id) => {
    expect(descriptorId(path)).toBe(id);
  });
});

describe("the descriptor's id and content hash", () => {
  test("the id comes from the path relative to the repository root, not from the task name", () => {
    const d = descriptorOf(
      `${MINIMAL}[info.labels]\ntask_name = "renamed"\n`,
      "/repo/benchmarks/resnet/descriptor.toml",
    );
    expect(d.id).toBe("repo-benchmarks-resnet");
    expect(d.info.taskName).toBe("renamed");
  });

  test("the hash ignores comments, whitespace, key order and the file's path", () => {
    const reordered = `# a comment
spec_version    = "0.1.0"

[env]
docker_image = "user/repo:tag"   # trailing comment

[hardware]
strategy = "single_node"
instance_type = "p3.8xlarge"

[info]
description = "A benchmark"
`;
    const a = descriptorOf(MINIMAL, "benchmarks/a.toml");
    const b = descriptorOf(reordered, "benchmarks/b/descriptor.toml");
    expect(b.contentHash).toBe(a.contentHash);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the hash changes when the content changes, and with written defaults only where they differ", () => {
    const base = descriptorOf(MINIMAL).contentHash;
    expect(descriptorOf(MINIMAL.replace("p3.8xlarge", "p3.2xlarge")).contentHash).not.toBe(base);
    expect(descriptorOf(`${MINIMAL}privileged = false\n`).contentHash).toBe(base);
    expect(descriptorOf(`${MINIMAL}privileged = true\n`).contentHash).not.toBe(base);
  });
});

describe("the content hash, computed when first read", () => {
  test("is the same sha256 as before descriptors were hashed lazily (baselines record it)", () => {
    expect(descriptorOf(MINIMAL).contentHash).toBe(PINNED_MINIMAL_HASH);
  });

  test("does not follow later changes to the descriptor, and copies carry it", () => {
    const d = descriptorOf(MINIMAL);
    d.info.description = "changed after parsing";
    expect(d.contentHash).toBe(PINNED_MINIMAL_HASH);
    expect({ ...d }.contentHash).toBe(PINNED_MINIMAL_HASH);
    expect(JSON.parse(JSON.stringify(d)).contentHash).toBe(PINNED_MINIMAL_HASH);
  });

  test("can be replaced, as receipts rebuilt from a recorded hash do", () => {
    const d = descriptorOf(MINIMAL);
    d.contentHash = "f".repeat(64);
    expect(d.contentHash).toBe("f".repeat(64));
  });
});

/** sha256 of MINIMAL's canonical content, as Maat 0.x has always computed it. */
const PINNED_MINIMAL_HASH = "79413eb5a46881c2bea3a80806f4a54452315f8859acb534b4f5f484edfb3e1c";
