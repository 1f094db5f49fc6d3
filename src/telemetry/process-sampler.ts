import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

export interface ProcessSampler {
  /** Stops sampling; the peak resident memory of the process tree seen, and samples taken. */
  stop(): Promise<{ peakRssBytes: number | null; samples: number }>;
}

/**
 * Samples the resident memory of a benchmark's processes: every process of the session the
 * benchmark leads (it runs as a session and process-group leader), summed, at each interval.
 * A process's own high-water mark (VmHWM) also counts, so a single process's peak between
 * samples is not missed. Linux only (/proc); elsewhere it reports nothing.
 */
export function startProcessSampler(sessionId: number, intervalMs: number): ProcessSampler {
  const outside = new Set<number>();
  let peak: number | null = null;
  let samples = 0;
  const pageSize = 4096;

  // Synchronous reads of /proc: tiny, never block on disk, and a fraction of the CPU time of
  // their promise-based forms, which matters for a sampler that must stay under 1% of a CPU.
  const read = (file: string) => {
    try {
      return readFileSync(file, "latin1");
    } catch {
      return undefined;
    }
  };
  const sample = () => {
    let entries: string[];
    try {
      entries = readdirSync("/proc");
    } catch {
      return;
    }
    const present = new Set<number>();
    let total = 0;
    let highest = 0;
    let members = 0;
    for (const entry of entries) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      present.add(pid);
      // A process outside the session never joins it (only its own children could be in it).
      if (outside.has(pid)) continue;
      const stat = read(`/proc/${pid}/stat`);
      if (stat === undefined) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[3]) !== sessionId) {
        outside.add(pid);
        continue;
      }
      members++;
      total += Number(fields[21]) * pageSize;
      const status = read(`/proc/${pid}/status`) ?? "";
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (hwm !== undefined) highest = Math.max(highest, Number(hwm) * 1024);
    }
    // Forget pids that are gone: the number may be reused by a new child of the benchmark.
    for (const pid of outside) if (!present.has(pid)) outside.delete(pid);
    if (members === 0) return;
    samples++;
    peak = Math.max(peak ?? 0, total, highest);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      return { peakRssBytes: peak, samples };
    },
  };
}

/** CPU seconds of this process's waited-for children so far (their whole trees), from /proc/self/stat. */
export async function childrenCpuSeconds(): Promise<number | undefined> {
  const stat = await readFile("/proc/self/stat", "latin1").catch(() => undefined);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // cutime and cstime (fields 16 and 17 of stat(5)), in clock ticks of 1/100 s on Linux.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
