import type { Baseline, BaselineRunRecord } from "../../src/baselines/types.js";
import type { HistorySource } from "../../src/dashboard/history-source.js";
import { summarize } from "../../src/stats/summary.js";

/**
 * A realistic, reproducible benchmark history: runs every few hours with noisy repetitions,
 * level shifts (regressions that were folded and flagged, improvements, a revert), outliers,
 * and for some benchmarks a second hardware key. Used by the dashboard tests and bench.
 */
export interface HistoryShape {
  benchmarks: number;
  metrics: number;
  runs: number;
  /** Every `secondKeyEvery`-th benchmark also has a second hardware key (default 3). */
  secondKeyEvery?: number;
  repetitions?: number;
  seed?: number;
}

const KINDS = [
  { name: "throughput", unit: "images/s", direction: "higher_is_better", level: 2800 },
  { name: "latency_p99", unit: "ms", direction: "lower_is_better", level: 42 },
  { name: "latency_p50", unit: "ms", direction: "lower_is_better", level: 18 },
  { name: "peak_memory", unit: "MiB", direction: "lower_is_better", level: 11_000 },
  { name: "accuracy", unit: "ratio", direction: "higher_is_better", level: 0.76 },
] as const;

export function benchmarkIds(shape: HistoryShape): string[] {
  return Array.from({ length: shape.benchmarks }, (_, b) => `model-${String(b).padStart(3, "0")}`);
}

/** The histories of benchmark `b` (one Baseline per hardware key). */
export function generateBenchmark(shape: HistoryShape, b: number): Baseline[] {
  const keys = (b + 1) % (shape.secondKeyEvery ?? 3) === 0 ? 2 : 1;
  return Array.from({ length: keys }, (_, k) => generateBaseline(shape, b, k));
}

function generateBaseline(shape: HistoryShape, b: number, k: number): Baseline {
  const random = mulberry32((shape.seed ?? 7) * 1_000_003 + b * 101 + k);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const id = benchmarkIds(shape)[b]!;
  const slug =
    k === 0 ? "gpu-a100-nvidia-a100-sxm4-80gb-3fa9c2d1" : "gpu-h100-nvidia-h100-80gb-hbm3-8b1e07aa";
  const metrics = Array.from({ length: shape.metrics }, (_, m) => {
    const kind = KINDS[m % KINDS.length]!;
    return { ...kind, name: m < KINDS.length ? kind.name : `${kind.name}_${Math.floor(m / KINDS.length)}` };
  });
  // Level shifts: one regression (folded, two runs flagged), one improvement, per metric.
  const shifts = metrics.map((metric) => {
    const at = Math.floor(shape.runs * (0.25 + 0.1 * random()));
    const back = Math.floor(shape.runs * (0.6 + 0.1 * random()));
    const worse = metric.direction === "higher_is_better" ? -1 : 1;
    return { at, back, step: worse * (0.04 + 0.04 * random()) };
  });
  const runs: BaselineRunRecord[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let r = 0; r < shape.runs; r++) {
    const record: BaselineRunRecord = {
      resultId: `${id}/2025${String(r).padStart(6, "0")}-${hex(random, 7)}`,
      commit: hex(random, 40),
      date: new Date(start + r * 6 * 3600_000 + Math.floor(random() * 3600_000)).toISOString(),
      metrics: {},
    };
    const regressed: string[] = [];
    metrics.forEach((metric, m) => {
      const shift = shifts[m]!;
      // Every fourth benchmark's first metric regressed in its last two runs (flagged when folded).
      const late = b % 4 === 1 && m === 0 && r >= shape.runs - 2;
      const factor =
        (r >= shift.at && r < shift.back ? 1 + shift.step : 1) *
        (late ? 1 + 2 * shift.step : 1) *
        (k === 1 ? 0.8 : 1);
      const outlier = random() < 0.01 ? 1 + 0.08 * (random() < 0.5 ? -1 : 1) : 1;
      const values = Array.from(
        { length: shape.repetitions ?? 5 },
        () => metric.level * factor * outlier * (1 + 0.006 * gauss()),
      );
      record.metrics[metric.name] = { summary: summarize(values), values };
      if (r === shift.at || r === shift.at + 1 || late) regressed.push(metric.name);
    });
    if (regressed.length > 0) record.regressed = regressed.sort();
    runs.push(record);
  }
  return {
    schemaVersion: 2,
    benchmarkId: id,
    hardware: {
      slug,
      fields: {
        runner: k === 0 ? "gpu-a100" : "gpu-h100",
        cpu: "AMD EPYC 7763",
        gpu: k === 0 ? "8x NVIDIA A100-SXM4-80GB" : "8x NVIDIA H100 80GB HBM3",
      },
    },
    metrics: Object.fromEntries(metrics.map((m) => [m.name, { unit: m.unit, direction: m.direction }])),
    resets: [],
    runs,
  };
}

/** The generated history as a dashboard source, built one benchmark at a time. */
export function generatedSource(shape: HistoryShape): HistorySource {
  const ids = benchmarkIds(shape);
  return {
    listBenchmarks: async () => ids,
    readBenchmark: async (id) => generateBenchmark(shape, ids.indexOf(id)),
    receiptLink: () => undefined,
  };
}

function hex(random: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += Math.floor(random() * 16).toString(16);
  return text;
}

/** A small seeded generator (mulberry32): the same shape always gives the same history. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
