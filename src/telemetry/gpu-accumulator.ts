import type { GpuReading } from "./nvidia-smi-csv.js";
import type { GpuSeries, GpuSummary } from "./telemetry-types.js";

/** Samples kept per GPU per repetition; beyond it every other one is dropped (the summary keeps counting). */
export const MAX_KEPT_SAMPLES = 4096;

/**
 * One GPU's readings over a repetition: a bounded series for the receipt, and exact running
 * figures (mean and peak utilization, peak memory, energy) over every reading.
 */
export class GpuAccumulator {
  readonly #series: GpuSeries;
  #stride = 1;
  #seen = 0;
  #utilizationSum = 0;
  #utilizationCount = 0;
  #energyJ = 0;
  #powerCoveredMs = 0;
  #firstPower: { t: number; w: number } | undefined;
  #lastPower: { t: number; w: number } | undefined;

  constructor(first: GpuReading) {
    this.#series = {
      index: first.index,
      uuid: first.uuid,
      name: first.name,
      memoryTotalMiB: first.memoryTotalMiB,
      t: [],
      utilization: [],
      memoryUtilization: [],
      memoryUsedMiB: [],
      powerW: [],
      temperatureC: [],
      smClockMHz: [],
      thinned: false,
      summary: {
        samples: 0,
        utilizationMean: null,
        utilizationPeak: null,
        memoryUsedPeakMiB: null,
        powerMeanW: null,
        energyJ: null,
      },
    };
  }

  add(t: number, reading: GpuReading): void {
    const s = this.#series;
    const summary = s.summary;
    summary.samples++;
    if (reading.utilization !== null) {
      this.#utilizationSum += reading.utilization;
      this.#utilizationCount++;
      summary.utilizationPeak = Math.max(summary.utilizationPeak ?? 0, reading.utilization);
    }
    if (reading.memoryUsedMiB !== null) {
      summary.memoryUsedPeakMiB = Math.max(summary.memoryUsedPeakMiB ?? 0, reading.memoryUsedMiB);
    }
    if (reading.powerW !== null) {
      const previous = this.#lastPower;
      if (previous !== undefined) {
        this.#energyJ += ((previous.w + reading.powerW) / 2) * ((t - previous.t) / 1000);
        this.#powerCoveredMs += t - previous.t;
      }
      this.#firstPower ??= { t, w: reading.powerW };
      this.#lastPower = { t, w: reading.powerW };
    }
    if (this.#seen++ % this.#stride !== 0) return;
    s.t.push(Math.round(t));
    s.utilization.push(reading.utilization);
    s.memoryUtilization.push(reading.memoryUtilization);
    s.memoryUsedMiB.push(reading.memoryUsedMiB);
    s.powerW.push(reading.powerW);
    s.temperatureC.push(reading.temperatureC);
    s.smClockMHz.push(reading.smClockMHz);
    if (s.t.length >= MAX_KEPT_SAMPLES) this.#thin();
  }

  /** The series and summary; power is held at the edges of [0, durationMs] for at most one interval. */
  finish(durationMs: number, intervalMs: number): GpuSeries {
    const summary: GpuSummary = { ...this.#series.summary };
    summary.utilizationMean =
      this.#utilizationCount > 0 ? this.#utilizationSum / this.#utilizationCount : null;
    if (this.#firstPower !== undefined && this.#lastPower !== undefined) {
      const head = Math.min(Math.max(0, this.#firstPower.t), intervalMs);
      const tail = Math.min(Math.max(0, durationMs - this.#lastPower.t), intervalMs);
      const energy = this.#energyJ + (this.#firstPower.w * head + this.#lastPower.w * tail) / 1000;
      const covered = this.#powerCoveredMs + head + tail;
      summary.energyJ = energy;
      summary.powerMeanW = covered > 0 ? (energy / covered) * 1000 : this.#firstPower.w;
    }
    return { ...this.#series, summary };
  }

  #thin(): void {
    const s = this.#series;
    const keep = <T>(values: T[]) => values.filter((_, i) => i % 2 === 0);
    s.t = keep(s.t);
    s.utilization = keep(s.utilization);
    s.memoryUtilization = keep(s.memoryUtilization);
    s.memoryUsedMiB = keep(s.memoryUsedMiB);
    s.powerW = keep(s.powerW);
    s.temperatureC = keep(s.temperatureC);
    s.smClockMHz = keep(s.smClockMHz);
    s.thinned = true;
    this.#stride *= 2;
  }
}
