import { startGpuSampler } from "./gpu-sampler.js";
import { childrenCpuSeconds, startProcessSampler } from "./process-sampler.js";
import type { RepetitionTelemetry } from "./telemetry-types.js";

/** The `[telemetry]` table of maat.toml. */
export interface TelemetrySettings {
  enabled: boolean;
  intervalMs: number;
  /** The nvidia-smi executable (a name on PATH or a path). */
  nvidiaSmi: string;
}

export const DEFAULT_TELEMETRY: TelemetrySettings = {
  enabled: true,
  intervalMs: 1000,
  nvidiaSmi: "nvidia-smi",
};

export interface TelemetryMonitor {
  /** Stops sampling once the benchmark has exited (and been waited for); never throws. */
  stop(durationMs: number): Promise<RepetitionTelemetry>;
}

/** Taken just before the benchmark starts: CPU time of children waited for so far. */
export interface TelemetryBaseline {
  origin: number;
  cpuSeconds: number | undefined;
}

export async function telemetryBaseline(): Promise<TelemetryBaseline> {
  return { origin: performance.now(), cpuSeconds: await childrenCpuSeconds() };
}

/**
 * Samples GPUs and the benchmark's processes while it runs. CPU time is the growth of this
 * process's children CPU time (cutime + cstime) over the benchmark's life: the benchmark is a
 * direct child, so its whole tree counts once it has been waited for.
 */
export function startTelemetry(
  settings: TelemetrySettings,
  benchmark: { pid: number; env: Record<string, string | undefined>; baseline: TelemetryBaseline },
): TelemetryMonitor {
  const gpu = startGpuSampler({
    command: settings.nvidiaSmi,
    intervalMs: settings.intervalMs,
    env: benchmark.env,
    origin: benchmark.baseline.origin,
  });
  const processes = startProcessSampler(benchmark.pid, settings.intervalMs);
  return {
    async stop(durationMs) {
      const cpuAfter = await childrenCpuSeconds();
      const [gpus, memory] = await Promise.all([gpu.stop(durationMs), processes.stop()]);
      const before = benchmark.baseline.cpuSeconds;
      return {
        intervalMs: settings.intervalMs,
        durationMs,
        gpus: gpus.gpus,
        ...(cpuAfter === undefined || before === undefined
          ? {}
          : {
              process: {
                cpuSeconds: Math.max(0, Math.round((cpuAfter - before) * 100) / 100),
                peakRssBytes: memory.peakRssBytes,
                samples: memory.samples,
              },
            }),
        problems: gpus.problems,
      };
    },
  };
}
