/** One GPU's samples over a repetition (from nvidia-smi), with what was derived from all of them. */
export interface GpuSeries {
  index: number;
  uuid: string;
  name: string;
  memoryTotalMiB: number | null;
  /** Milliseconds since the benchmark started, one per sample kept. */
  t: number[];
  /** Percent; null where nvidia-smi said [N/A]. */
  utilization: Array<number | null>;
  memoryUtilization: Array<number | null>;
  memoryUsedMiB: Array<number | null>;
  powerW: Array<number | null>;
  temperatureC: Array<number | null>;
  smClockMHz: Array<number | null>;
  /** True when a long run's series was thinned to stay small (the summary still covers every sample). */
  thinned: boolean;
  summary: GpuSummary;
}

export interface GpuSummary {
  samples: number;
  utilizationMean: number | null;
  utilizationPeak: number | null;
  memoryUsedPeakMiB: number | null;
  powerMeanW: number | null;
  /** Power integrated over the measured interval (trapezoids; edges held for at most one interval). */
  energyJ: number | null;
}

/** The benchmark's process tree: CPU time of everything it ran, and its largest resident memory. */
export interface ProcessTelemetry {
  cpuSeconds: number | null;
  peakRssBytes: number | null;
  samples: number;
}

/** What was sampled while one repetition ran. Telemetry never fails a run: problems are listed. */
export interface RepetitionTelemetry {
  intervalMs: number;
  /** The measured interval: the benchmark process's lifetime. */
  durationMs: number;
  gpus: GpuSeries[];
  process?: ProcessTelemetry;
  /** Each distinct problem once ("nvidia-smi exited with code 9: ...", "GPU 1 stopped reporting"). */
  problems: string[];
}
