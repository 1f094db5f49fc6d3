import { describe, expect, test } from "vitest";
import { parseHarnessOutput } from "../../src/harness/formats.js";
import { HarnessFileError } from "../../src/harness/harness-error.js";
import { parseFixture, readFixture } from "./fixtures.js";

describe("pytest-benchmark", () => {
  test("each benchmark's mean in seconds, per-round timings as the series, parametrized names cleaned", () => {
    const { metrics } = parseFixture("pytest-benchmark", "pytest-benchmark/parametrized.json");
    expect([...metrics.keys()]).toEqual(["test_fib_5", "test_fib_12", "test_sleep_1ms", "test_sorted"]);
    const sleep = metrics.get("test_sleep_1ms")!;
    expect(sleep).toMatchObject({ unit: "s", direction: "lower_is_better", value: 0.001174972999979218 });
    expect(sleep.series).toHaveLength(5);
    expect(sleep.series.every((v) => v > 0.001 && v < 0.01)).toBe(true);
  });

  test("ops is a rate, and a file from pytest-benchmark 2.5 without it gives a problem, not a zero", () => {
    const modern = parseFixture("pytest-benchmark", "pytest-benchmark/parametrized.json", {
      statistic: "ops",
    });
    expect(modern.metrics.get("test_sorted")).toMatchObject({ unit: "ops/s", direction: "higher_is_better" });
    const old = parseFixture("pytest-benchmark", "pytest-benchmark/v2.5-storage-0030.json", {
      statistic: "ops",
    });
    const metric = old.metrics.get("test_xfast_parametrized_0")!;
    expect(metric.value).toBeNull();
    expect(metric.problem?.detail).toContain("has no stats.ops");
    const mean = parseFixture("pytest-benchmark", "pytest-benchmark/v2.5-storage-0030.json");
    expect(mean.metrics.get("test_xfast_parametrized_0")).toMatchObject({
      value: 2.61205074138546e-7,
      series: [],
    });
  });

  test("a hyperfine file declared as pytest-benchmark is refused with the file named", () => {
    const text = readFixture("hyperfine/single-run.json");
    expect(() => parseHarnessOutput("pytest-benchmark", text, { file: "out.json" })).toThrow(
      /out\.json: has no "benchmarks" array, so it is not a pytest-benchmark result file/,
    );
    expect(() => parseHarnessOutput("pytest-benchmark", "{", { file: "cut.json" })).toThrow(HarnessFileError);
  });
});

describe("Google Benchmark", () => {
  test("time in the run's own unit, rates and user counters, a skipped benchmark as a problem", () => {
    const { metrics } = parseFixture("google-benchmark", "google-benchmark/counters-and-error.json");
    expect(metrics.get("BM_Accumulate.64")).toMatchObject({ unit: "ns", value: 72.858005024827378 });
    expect(metrics.get("BM_Accumulate.4096.bytes_per_second")).toMatchObject({
      unit: "B/s",
      direction: "higher_is_better",
    });
    expect(metrics.get("BM_StringCopy")).toMatchObject({ unit: "us", value: 0.030536926110997977 });
    expect(metrics.get("BM_StringCopy.copies")).toMatchObject({
      direction: "unknown",
      value: 64622738.996034108,
    });
    expect(metrics.get("BM_NeedsGpu")).toMatchObject({
      value: null,
      problem: { kind: "missing", detail: "BM_NeedsGpu: no GPU on this machine" },
    });
  });

  test("repetitions become the series and their mean the value; aggregates are not benchmarks", () => {
    const { metrics } = parseFixture("google-benchmark", "google-benchmark/repetitions.json");
    const accumulate = metrics.get("BM_Accumulate.64")!;
    expect(accumulate.series).toHaveLength(3);
    expect(accumulate.value).toBeCloseTo(accumulate.series.reduce((a, b) => a + b) / 3, 9);
    expect([...metrics.keys()].some((name) => /_(mean|median|stddev|cv)$/.test(name))).toBe(false);
    const cpu = parseFixture("google-benchmark", "google-benchmark/repetitions.json", {
      statistic: "cpu_time",
    });
    expect(cpu.metrics.get("BM_Accumulate.64")!.value).not.toBe(accumulate.value);
  });

  test("an old file without run_name or run_type still reads", () => {
    const { metrics } = parseFixture("google-benchmark", "google-benchmark/gbench-test1_run1.json");
    expect(metrics.size).toBe(9);
    expect(metrics.get("BM_100xFaster")).toMatchObject({ unit: "ns", value: 10000 });
  });
});

describe("hyperfine", () => {
  test("each command's mean in seconds, every run's time as the series", () => {
    const { metrics } = parseFixture("hyperfine", "hyperfine/parameter-scan.json");
    expect(metrics.get("sleep_0.010")).toMatchObject({ unit: "s", value: 0.013400726200000001 });
    expect(metrics.get("sleep_0.020")!.series).toHaveLength(5);
    const median = parseFixture("hyperfine", "hyperfine/parameter-scan.json", { statistic: "median" });
    expect(median.metrics.get("sleep_0.010")!.value).toBe(0.01322676);
  });

  test("ignored failures are noted, a zero time is a value, a single run has no stddev", () => {
    const failing = parseFixture("hyperfine", "hyperfine/ignored-failure.json");
    expect(failing.notes).toEqual([
      expect.stringContaining('"exit-3": 3 of 3 runs exited with a non-zero code (3)'),
    ]);
    expect(failing.metrics.get("true")).toMatchObject({ value: 0, series: [0, 0, 0] });
    const single = parseFixture("hyperfine", "hyperfine/single-run.json");
    expect(single.metrics.get("sleep_0.02")).toMatchObject({
      value: 0.025706595500000002,
      series: [0.025706595500000002],
    });
  });
});

describe("github-action-benchmark custom JSON", () => {
  test("direction from the format, units as written, string ranges ignored", () => {
    const bigger = parseFixture(
      "custom-bigger-is-better",
      "github-action-benchmark/customBiggerIsBetter_output.json",
    );
    expect(bigger.metrics.get("My_Custom_Bigger_Is_Better_Benchmark_-_Free_Memory")).toMatchObject({
      unit: "Megabytes",
      direction: "higher_is_better",
      value: 150,
    });
    const smaller = parseFixture(
      "custom-smaller-is-better",
      "github-action-benchmark/customSmallerIsBetter_output2.json",
    );
    expect(smaller.metrics.get("Binary_file")).toMatchObject({
      unit: "ns",
      direction: "lower_is_better",
      value: 3886.75,
    });
  });

  test("a missing value is a problem, a repeated name collects values, an object is refused", () => {
    const text = JSON.stringify([
      { name: "p99", unit: "ms", value: 12 },
      { name: "p99", unit: "ms", value: 14 },
      { name: "qps", unit: "req/s" },
    ]);
    const { metrics, notes } = parseHarnessOutput("custom-smaller-is-better", text, { file: "x.json" });
    expect(metrics[0]).toMatchObject({ name: "p99", value: 13, series: [12, 14] });
    expect(metrics[1]).toMatchObject({ name: "qps", value: null, problem: { kind: "non_numeric" } });
    expect(notes).toContain("p99 appears 2 times; their mean is kept");
    expect(() => parseHarnessOutput("custom-bigger-is-better", "{}", { file: "x.json" })).toThrow(
      /JSON array/,
    );
  });
});
