import { describe, expect, it } from "vitest";
import { parseDescriptor } from "../../src/descriptor/index.js";
import { DEFAULT_TIMEOUT_MS, resolveRunSettings } from "../../src/run/run-settings.js";

const descriptor = (run: string) =>
  parseDescriptor(
    `spec_version = "0.1.0"
[info]
task_name = "t"
description = "d"
[hardware]
instance_type = "t3.medium"
strategy = "single_node"
[env]
docker_image = "python:3.11"
[ml]
benchmark_code = "true"
${run}`,
    { file: "benchmarks/t/descriptor.toml" },
  ).descriptor!;

describe("resolveRunSettings", () => {
  it("applies the repository's defaults only to what the descriptor leaves unset", () => {
    const settings = resolveRunSettings(
      descriptor("[run]\nrepetitions = 1\n").run,
      {},
      { repetitions: 7, warmup: 2, timeoutMs: 5000 },
    );
    expect(settings).toMatchObject({ repetitions: 1, warmup: 2, timeoutMs: 5000 });
  });

  it("lets the command line win over the descriptor and the repository", () => {
    const settings = resolveRunSettings(
      descriptor('[run]\nrepetitions = 3\ntimeout = "1m"\n').run,
      { repetitions: "auto", timeoutMs: 1000 },
      { repetitions: 7 },
    );
    expect(settings).toMatchObject({ repetitions: "auto", warmup: 0, timeoutMs: 1000 });
  });

  it("falls back to the format's defaults and a generous time limit", () => {
    expect(resolveRunSettings(descriptor("").run)).toMatchObject({
      repetitions: 1,
      warmup: 0,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    });
  });
});
