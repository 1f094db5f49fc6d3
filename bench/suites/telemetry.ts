// Telemetry overhead: the CPU time Maat's own process spends sampling GPUs (nvidia-smi rows,
// here from the test stand-in) and the benchmark's process tree (/proc), per second of a
// benchmark's run, at the default 1 s interval. nvidia-smi's own CPU time is not included:
// the stand-in is a Node script, not representative of the real tool.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startTelemetry, telemetryBaseline } from "../../src/telemetry/telemetry-monitor.js";
import type { BenchRow, BenchSuite } from "../row.js";

const SECONDS = Number(process.env.MAAT_BENCH_TELEMETRY_SECONDS ?? 20);
/** Measuring starts after this: the first second pays for loading code and starting nvidia-smi, once per run. */
const SETTLE_MS = 2000;

export const telemetrySuite: BenchSuite = {
  name: "telemetry",
  async run() {
    const rows: BenchRow[] = [];
    for (const intervalMs of [1000, 100]) {
      const idle = await cpuPerSecond(intervalMs, false);
      const sampled = await cpuPerSecond(intervalMs, true);
      const overhead = Math.max(0, sampled - idle);
      rows.push({
        suite: "telemetry",
        case: `sampling every ${intervalMs} ms (2 GPUs, process tree), steady state over ${SECONDS} s`,
        value: `${(overhead * 100).toFixed(3)}% of a CPU`,
        reference: `Maat idle while the benchmark runs: ${(idle * 100).toFixed(3)}%`,
        ratio: null,
        target: intervalMs === 1000 ? "< 1% (default interval)" : "(informative)",
        met: intervalMs === 1000 ? overhead < 0.01 : null,
      });
    }
    return rows;
  },
};

/** CPU seconds this process uses per wall second while a `sleep` benchmark runs, with or without telemetry. */
async function cpuPerSecond(intervalMs: number, sampling: boolean): Promise<number> {
  const baseline = await telemetryBaseline();
  const child = spawn("sleep", [String(SECONDS + SETTLE_MS / 1000)], { detached: true, stdio: "ignore" });
  const monitor = sampling
    ? startTelemetry(
        { enabled: true, intervalMs, nvidiaSmi: join(process.cwd(), "test/fixtures/nvidia-smi/nvidia-smi") },
        { pid: child.pid!, env: process.env, baseline },
      )
    : undefined;
  await sleep(SETTLE_MS);
  const before = process.cpuUsage();
  const started = performance.now();
  await new Promise((resolve) => child.once("exit", resolve));
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(before);
  await monitor?.stop(wall * 1000);
  await sleep(10);
  return (used.user + used.system) / 1e6 / wall;
}
