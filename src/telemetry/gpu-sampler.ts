import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { GpuAccumulator } from "./gpu-accumulator.js";
import { nvidiaSmiArgs, parseGpuRow } from "./nvidia-smi-csv.js";
import type { GpuSeries } from "./telemetry-types.js";

export interface GpuSamplerOptions {
  /** The nvidia-smi executable. */
  command: string;
  intervalMs: number;
  env: Record<string, string | undefined>;
  /** performance.now() at the start of the measured interval: sample times are relative to it. */
  origin: number;
  /** How often a nvidia-smi that exits on its own is started again (default 3). */
  restarts?: number;
}

export interface GpuSampler {
  /** Stops sampling; the series of every GPU seen, and each problem once. */
  stop(durationMs: number): Promise<{ gpus: GpuSeries[]; problems: string[] }>;
}

const MAX_PROBLEMS = 10;

/**
 * Samples GPUs with `nvidia-smi --loop-ms` for as long as a benchmark runs. It never throws:
 * no nvidia-smi means no GPUs; a failing one, an unreadable row or a GPU that stops
 * reporting is recorded once as a problem, and sampling goes on with what is left.
 */
export function startGpuSampler(options: GpuSamplerOptions): GpuSampler {
  const gpus = new Map<number, GpuAccumulator>();
  const lastSeen = new Map<number, number>();
  const problems = new Set<string>();
  const note = (problem: string) => {
    if (problems.size < MAX_PROBLEMS) problems.add(problem);
  };
  let stopped = false;
  let restartsLeft = options.restarts ?? 3;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let restartTimer: NodeJS.Timeout | undefined;

  const start = () => {
    const env = Object.fromEntries(Object.entries(options.env).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >;
    const proc = spawn(options.command, nvidiaSmiArgs(options.intervalMs), {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    let stderr = "";
    let missing = false;
    proc.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-500);
    });
    const lines = createInterface({ input: proc.stdout! });
    lines.on("line", (line) => {
      if (line.trim() === "") return;
      const t = performance.now() - options.origin;
      const row = parseGpuRow(line);
      if ("problem" in row) {
        note(`nvidia-smi: ${row.problem}`);
        return;
      }
      let gpu = gpus.get(row.index);
      if (gpu === undefined) {
        gpu = new GpuAccumulator(row);
        gpus.set(row.index, gpu);
      }
      gpu.add(t, row);
      lastSeen.set(row.index, t);
    });
    exited = new Promise((resolve) => {
      proc.once("error", (error: NodeJS.ErrnoException) => {
        // No nvidia-smi: a machine without NVIDIA GPUs, not a problem.
        missing = error.code === "ENOENT";
        if (!missing) note(`nvidia-smi could not be started: ${error.message}`);
        resolve();
      });
      proc.once("close", (code, signal) => {
        lines.close();
        if (!stopped && !missing) {
          const said = stderr.trim() || (gpus.size === 0 ? "no output" : "");
          note(
            `nvidia-smi exited with ${code === null ? `signal ${signal}` : `code ${code}`}${said ? `: ${said}` : ""}`,
          );
          if (restartsLeft-- > 0) restartTimer = setTimeout(() => !stopped && start(), options.intervalMs);
        }
        resolve();
      });
    });
  };
  start();

  return {
    async stop(durationMs) {
      stopped = true;
      clearTimeout(restartTimer);
      if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      const series = [...gpus.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, gpu]) => {
          const last = lastSeen.get(index) ?? 0;
          if (durationMs - last > 3 * options.intervalMs && [...lastSeen.values()].some((t) => t > last)) {
            note(`GPU ${index} stopped reporting ${(last / 1000).toFixed(1)} s into the run`);
          }
          return gpu.finish(durationMs, options.intervalMs);
        });
      return { gpus: series, problems: [...problems] };
    },
  };
}
