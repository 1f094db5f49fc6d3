// Runs a command several times and reports medians of wall time, CPU time (user + system, its
// children included) and peak resident memory: what a user's machine spends. Measured by a small
// Python helper with getrusage(RUSAGE_CHILDREN) around a batch of runs: per-run rusage from
// wait4 is kept in clock ticks here and reads short processes as 0-10 ms; a batch does not.
import { spawnSync } from "node:child_process";

export interface CommandCost {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

const MEASURE = `
import json, resource, subprocess, sys, time
batch = int(sys.argv[1]); allowed = json.loads(sys.argv[2]); command = sys.argv[3:]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
started = time.monotonic()
for _ in range(batch):
    code = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL).returncode
    if code not in allowed:
        sys.stderr.write("exit %d\\n" % code); sys.exit(3)
wall = time.monotonic() - started
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(json.dumps({"wall": wall / batch, "cpu": cpu / batch, "rss_kib": after.ru_maxrss}))
`;

/**
 * `repeats` measurements, each of `batch` runs (default 1; short commands want 10 or more).
 * Peak memory is the largest of any run.
 */
export function measureCommand(
  repeats: number,
  command: string[],
  options: { cwd: string; env: Record<string, string>; allowedExitCodes?: number[]; batch?: number },
): CommandCost {
  const costs: CommandCost[] = [];
  for (let i = 0; i < repeats; i++) {
    const result = spawnSync(
      "python3",
      [
        "-c",
        MEASURE,
        String(options.batch ?? 1),
        JSON.stringify(options.allowedExitCodes ?? [0]),
        ...command,
      ],
      { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.status !== 0) {
      throw new Error(`${command.join(" ")} failed: ${result.stderr.toString().slice(-800)}`);
    }
    const report = JSON.parse(result.stdout.toString()) as { wall: number; cpu: number; rss_kib: number };
    costs.push({ wallMs: report.wall * 1000, cpuMs: report.cpu * 1000, maxRssMiB: report.rss_kib / 1024 });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    wallMs: median(costs.map((c) => c.wallMs)),
    cpuMs: median(costs.map((c) => c.cpuMs)),
    maxRssMiB: median(costs.map((c) => c.maxRssMiB)),
  };
}

export function describeCost(cost: CommandCost): string {
  const cpu =
    cost.cpuMs >= 1000 ? `${(cost.cpuMs / 1000).toFixed(2)} CPU s` : `${cost.cpuMs.toFixed(0)} CPU ms`;
  const wall = cost.wallMs >= 1000 ? `${(cost.wallMs / 1000).toFixed(2)} s` : `${cost.wallMs.toFixed(0)} ms`;
  return `${cpu}, ${wall} wall, ${cost.maxRssMiB.toFixed(0)} MiB`;
}
