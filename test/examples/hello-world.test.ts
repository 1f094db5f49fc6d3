import path from "node:path";
import { describe, expect, it } from "vitest";
import { BENCHMARKS, captured, declaredMetrics, readDescriptor, run, stdoutRecords } from "./helpers.js";

const DIR = path.join(BENCHMARKS, "hello-world");

describe("benchmarks/hello-world", () => {
  it("declares a pattern metric and an emitted metric, with directions and [run] settings", () => {
    const descriptor = readDescriptor("hello-world");
    expect(descriptor.spec_version).toBe("0.1.0");
    expect(descriptor.hardware.strategy).toBe("single_node");
    expect(descriptor.run).toMatchObject({ repetitions: 5, warmup: 1 });
    const metrics = declaredMetrics("hello-world");
    expect(metrics.map((m) => [m.name, m.direction, m.pattern !== undefined])).toEqual([
      ["ops_per_second", "higher_is_better", true],
      ["duration_ms", "lower_is_better", false],
    ]);
  });

  it("runs with only Node and prints what the descriptor captures", async () => {
    const result = await run(process.execPath, ["hello.mjs", "--rounds", "20000"], { cwd: DIR });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [opsPerSecond, durationMs] = declaredMetrics("hello-world");
    const values = captured(opsPerSecond!, result.stdout);
    expect(values).toHaveLength(1);
    expect(values[0]).toBeGreaterThan(0);
    const records = stdoutRecords(result.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ name: durationMs!.name, unit: durationMs!.units });
    expect(records[0]!.value).toBeGreaterThan(0);
  });

  it("rejects a bad --rounds", async () => {
    const result = await run(process.execPath, ["hello.mjs", "--rounds", "zero"], { cwd: DIR });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--rounds must be a positive integer");
  });
});
