import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { findResultFiles } from "../../src/harness/find-result-files.js";
import { harnessMetricName } from "../../src/harness/metric-name.js";
import { readResultFile, readResultFiles } from "../../src/harness/read-result-files.js";
import { FIXTURES, parseFixture } from "./fixtures.js";

describe("go test -bench", () => {
  test("repeated runs are the series, every unit its own metric, two packages keep apart", () => {
    const { metrics } = parseFixture("go-test-bench", "go-test-bench/two-packages-count-2.txt");
    expect(metrics.get("hash.BenchmarkFNV-2")).toMatchObject({
      unit: "ns/op",
      value: 1888.5,
      series: [2306, 1471],
    });
    expect(metrics.get("hash.BenchmarkFNV-2.MB_per_s")).toMatchObject({ direction: "higher_is_better" });
    expect(metrics.get("hash.BenchmarkFNV-2.bytes_per_hash")).toMatchObject({
      unit: "bytes/hash",
      value: 1024,
    });
    expect(metrics.get("strs.BenchmarkJoin-2.allocs_per_op")).toMatchObject({
      direction: "lower_is_better",
      value: 1,
    });
    expect(metrics.get("strs.BenchmarkRepeat.x_8-2")).toMatchObject({ series: [63.64, 66.99] });
  });

  test("a failing benchmark has no value and says why", () => {
    const { metrics } = parseFixture("go-test-bench", "go-test-bench/two-packages-count-2.txt");
    expect(metrics.get("hash.BenchmarkBroken")).toMatchObject({
      value: null,
      problem: { kind: "missing", detail: expect.stringContaining("fixture for a failing benchmark") },
    });
  });

  test("odd whitespace, names without -N, names with / , = and custom units", () => {
    const { metrics } = parseFixture("go-test-bench", "go-test-bench/github-action-benchmark-go_output.txt");
    expect(metrics.get("BenchmarkFib20")).toMatchObject({ value: 40537.123 });
    expect(metrics.get("BenchmarkFib.my.tabled.benchmark_-_20_var1_13_var2_14")).toMatchObject({
      value: 40537.456,
    });
    expect(metrics.get("BenchmarkFib.my_tabled_benchmark_-_20")).toMatchObject({ value: 40537.123 });
    expect(metrics.get("BenchmarkFib22-16.auxMetricUnits")).toMatchObject({ direction: "unknown", value: 4 });
    expect(metrics.size).toBe(10);
  });
});

describe("MLPerf logging", () => {
  test("time to train from run_start to run_stop, the last eval_accuracy, mean tracked throughput", () => {
    const { metrics } = parseFixture("mlperf-log", "mlperf-log/bert-result_0-excerpt.txt");
    expect(metrics.get("time_to_train")!.value).toBeCloseTo((1695795336479 - 1695795004833) / 60_000, 9);
    expect(metrics.get("time_to_train")).toMatchObject({ unit: "min", direction: "lower_is_better" });
    const accuracy = metrics.get("eval_accuracy")!;
    expect(accuracy.series).toHaveLength(17);
    expect(accuracy.value).toBe(0.7202073335647583);
    const throughput = metrics.get("throughput")!;
    expect(throughput).toMatchObject({ unit: "samples/s", direction: "higher_is_better" });
    expect(throughput.series).toHaveLength(18);
    expect(throughput.series.at(-1)).toBe(7687.990710139685);
    expect([...metrics.keys()]).not.toContain("epoch_num");
  });

  test("a log that never reached run_stop, mixed with other output, gives no time and says so", () => {
    const { metrics } = parseFixture("mlperf-log", "mlperf-log/unet3d-result_0-head-excerpt.txt");
    expect([...metrics.keys()]).toEqual(["time_to_train"]);
    expect(metrics.get("time_to_train")!.problem?.detail).toBe("the log has no run_start event with a time");
  });
});

describe("Criterion", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  test("a target/criterion folder gives every new/ estimate, named by benchmark.json, with throughput", async () => {
    const cwd = path.join(FIXTURES, "criterion");
    const entry = { path: "cargo-bench-0.3.6", format: "criterion" as const };
    const files = await findResultFiles(cwd, entry);
    expect(files.map((f) => path.relative(cwd, f))).toEqual([
      "cargo-bench-0.3.6/checksum/1024/new/estimates.json",
      "cargo-bench-0.3.6/checksum/16384/new/estimates.json",
      "cargo-bench-0.3.6/fib 15/new/estimates.json",
      "cargo-bench-0.3.6/sleep/1ms/new/estimates.json",
    ]);
    const fib = await readResultFile(cwd, entry, files[2]!);
    expect(fib.metrics).toEqual([
      {
        name: "fib_15",
        unit: "ns",
        direction: "lower_is_better",
        value: 1366.8393808855635,
        series: [1366.8393808855635],
      },
    ]);
    const checksum = await readResultFile(cwd, entry, files[0]!);
    expect(checksum.metrics[1]).toMatchObject({ name: "checksum.1024.throughput", unit: "B/s" });
    expect(checksum.metrics[1]!.value).toBeCloseTo(1024 / (checksum.metrics[0]!.value! * 1e-9), 3);
  });

  test("flat sampling has no slope; older capitalized keys read; a change file is refused", async () => {
    const cwd = path.join(FIXTURES, "criterion");
    const slope = {
      path: "cargo-bench-0.3.6/sleep/1ms/new/estimates.json",
      format: "criterion" as const,
      statistic: "slope",
    };
    const sleep = await readResultFile(cwd, slope, path.join(cwd, slope.path));
    expect(sleep.metrics[0]!.problem?.detail).toBe(
      "sleep/1ms has no slope estimate (flat sampling mode has no slope)",
    );
    const old = {
      path: "book-0.2/Fibonacci/Recursive/new/estimates.json",
      format: "criterion" as const,
      statistic: "slope",
    };
    const fibonacci = await readResultFile(cwd, old, path.join(cwd, old.path));
    expect(fibonacci.metrics[0]).toMatchObject({ name: "Fibonacci.Recursive", value: 19310.74450671244 });
    const change = {
      path: "book-0.2/Fibonacci2/Recursive/20/change/estimates.json",
      format: "criterion" as const,
    };
    const { readings, problems } = await readResultFiles(cwd, [change]);
    expect(readings).toEqual([]);
    expect(problems[0]).toMatch(
      /holds relative changes, not measurements.*point the path at new\/estimates\.json/,
    );
  });

  test("without benchmark.json the folder names the benchmark", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "maat-criterion-"));
    dirs.push(cwd);
    await cp(
      path.join(FIXTURES, "criterion/cargo-bench-0.3.6/sleep/1ms/new/estimates.json"),
      path.join(cwd, "target/criterion/sleep/1ms/new/estimates.json"),
      { recursive: true },
    );
    const { readings } = await readResultFiles(cwd, [{ path: "target/criterion", format: "criterion" }]);
    expect(readings[0]!.result.metrics[0]).toMatchObject({ name: "sleep.1ms", value: 1128569.4407407406 });
  });
});

test("names: / becomes ., other characters _, long names keep a hash of the whole", () => {
  expect(harnessMetricName("test_fib[5]")).toBe("test_fib_5");
  expect(harnessMetricName("BenchmarkJoin-2", "B/op")).toBe("BenchmarkJoin-2.B_per_op");
  expect(harnessMetricName("  (weird) name  ")).toBe("weird_name");
  expect(harnessMetricName("")).toBe("unnamed");
  const long = harnessMetricName(`${"x".repeat(200)}a`);
  expect(long).toHaveLength(128);
  expect(long).not.toBe(harnessMetricName(`${"x".repeat(200)}b`));
  expect(long).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
});
