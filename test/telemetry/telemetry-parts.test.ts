import { describe, expect, it } from "vitest";
import { baselineStore } from "../../src/baselines/store.js";
import { compareReceipts } from "../../src/compare/compare-receipts.js";
import { renderReport } from "../../src/report/index.js";
import { efficiencyObservations, telemetryObservations } from "../../src/telemetry/derive-metrics.js";
import { GpuAccumulator, MAX_KEPT_SAMPLES } from "../../src/telemetry/gpu-accumulator.js";
import { type GpuReading, parseGpuRow } from "../../src/telemetry/nvidia-smi-csv.js";
import type { RepetitionTelemetry } from "../../src/telemetry/telemetry-types.js";
import { baselineOf } from "../compare/history.js";
import { makeReceipt, noisyValues } from "../fixtures/receipts/make-receipt.js";

// A row as nvidia-smi's documentation shows --format=csv,noheader,nounits output.
const ROW =
  "0, GPU-5e1f6a8c-0b1d-4d2e-9f3a-2c7b8d9e0f11, NVIDIA A100-SXM4-80GB, 87, 41, 40512, 81920, 312.45, 63, 1410";

const reading = (power: number | null, extra: Partial<GpuReading> = {}): GpuReading => ({
  index: 0,
  uuid: "GPU-0",
  name: "NVIDIA H100",
  utilization: 80,
  memoryUtilization: 30,
  memoryUsedMiB: 1000,
  memoryTotalMiB: 81559,
  powerW: power,
  temperatureC: 50,
  smClockMHz: 1980,
  ...extra,
});

describe("nvidia-smi rows", () => {
  it("parses a documented CSV row", () => {
    expect(parseGpuRow(ROW)).toEqual({
      index: 0,
      uuid: "GPU-5e1f6a8c-0b1d-4d2e-9f3a-2c7b8d9e0f11",
      name: "NVIDIA A100-SXM4-80GB",
      utilization: 87,
      memoryUtilization: 41,
      memoryUsedMiB: 40512,
      memoryTotalMiB: 81920,
      powerW: 312.45,
      temperatureC: 63,
      smClockMHz: 1410,
    });
  });

  it("turns [N/A] and [Not Supported] into nulls and error lines into problems", () => {
    const row = parseGpuRow("1, GPU-x, Tesla T4, [N/A], [N/A], 100, 15360, [Not Supported], 40, 585");
    expect(row).toMatchObject({ index: 1, utilization: null, powerW: null, memoryUsedMiB: 100 });
    expect(parseGpuRow("Unable to determine the device handle for GPU 0000:3B:00.0: GPU is lost.")).toEqual({
      problem: "Unable to determine the device handle for GPU 0000:3B:00.0: GPU is lost.",
    });
  });
});

describe("GPU figures", () => {
  it("integrates power over the measured interval, holding the edges for at most one interval", () => {
    const gpu = new GpuAccumulator(reading(100));
    for (const t of [500, 1500, 2500, 3500]) gpu.add(t, reading(100));
    const { summary } = gpu.finish(4000, 1000);
    // 3 s between samples, plus 0.5 s before the first and after the last: 4 s at 100 W.
    expect(summary.energyJ).toBeCloseTo(400, 6);
    expect(summary.powerMeanW).toBeCloseTo(100, 6);
  });

  it("keeps exact figures when a long series is thinned", () => {
    const gpu = new GpuAccumulator(reading(200));
    const count = MAX_KEPT_SAMPLES * 3;
    for (let i = 0; i < count; i++)
      gpu.add(i * 10, reading(200, { utilization: i === 5 ? 100 : 50, memoryUsedMiB: i }));
    const series = gpu.finish(count * 10, 10);
    expect(series.thinned).toBe(true);
    expect(series.t.length).toBeLessThan(MAX_KEPT_SAMPLES);
    expect(series.summary).toMatchObject({
      samples: count,
      utilizationPeak: 100,
      memoryUsedPeakMiB: count - 1,
    });
    expect(series.summary.energyJ).toBeCloseTo(200 * count * 0.01, 6);
  });

  it("derives metrics over GPUs and efficiency per joule from a rate or a total", () => {
    const two = [0, 1].map((index) => {
      const gpu = new GpuAccumulator(reading(250, { index }));
      for (const t of [0, 1000, 2000]) gpu.add(t, reading(250, { index, memoryUsedMiB: 1000 + index }));
      return gpu.finish(2000, 1000);
    });
    const telemetry: RepetitionTelemetry = {
      intervalMs: 1000,
      durationMs: 2000,
      gpus: two,
      process: { cpuSeconds: 1.5, peakRssBytes: 64 * 1024 * 1024, samples: 2 },
      problems: [],
    };
    const metrics = telemetryObservations(telemetry);
    expect(Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, v.value]))).toEqual({
      "gpu.utilization.mean": 80,
      "gpu.utilization.peak": 80,
      "gpu.memory.peak": 1001,
      "gpu.energy": 1000,
      "cpu.time": 1.5,
      "memory.rss.peak": 64,
    });
    const observed = (value: number) => ({
      value,
      series: [value],
      count: 1,
      seriesTruncated: false,
      sources: ["pattern" as const],
    });
    const efficiency = efficiencyObservations(
      [
        { name: "samples_per_joule", metric: "throughput" },
        { name: "images_per_joule", metric: "images" },
      ],
      { throughput: observed(1000), images: observed(2000) },
      new Map([
        ["throughput", "samples/s"],
        ["images", "images"],
      ]),
      telemetry,
    );
    // 1000 samples/s at 500 W in total; 2000 images for 1000 J.
    expect(efficiency.samples_per_joule?.value).toBe(2);
    expect(efficiency.images_per_joule?.value).toBe(2);
  });
});

describe("telemetry metrics in comparisons and the report", () => {
  const withEnergy = (joules: number[], resultId: string, day: number) => {
    const receipt = makeReceipt({
      resultId,
      commit: `${String(day).padStart(7, "0")}${"a".repeat(33)}`,
      startedAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
      values: { throughput: noisyValues(2840, 0.01, 5, day), "gpu.energy": joules },
    });
    receipt.metrics["gpu.energy"] = {
      ...receipt.metrics["gpu.energy"]!,
      unit: "J",
      direction: "lower_is_better",
    };
    return receipt;
  };

  it("calls a 20% rise in GPU energy a regression, and the report shows it", () => {
    const history = Array.from({ length: 20 }, (_, i) =>
      withEnergy(noisyValues(5000, 0.01, 5, 50 + i), `resnet50-training/h${i}`, i + 1),
    );
    const candidate = withEnergy(noisyValues(6000, 0.01, 5, 99), "resnet50-training/candidate", 30);
    const report = compareReceipts([candidate], baselineStore([baselineOf(history)]));
    const energy = report.benchmarks[0]?.comparisons.find((c) => c.metric === "gpu.energy");
    expect(energy?.verdict).toBe("regression");
    const { markdown } = renderReport({
      report,
      receipts: [candidate],
      history: () => [],
      links: {},
      title: "t",
    });
    expect(markdown).toContain("gpu.energy");
  });
});
