// Runs a command several times under GNU time and reports medians of wall time, CPU time
// (user + system, children included) and peak resident memory: what a user's machine spends.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface CommandCost {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
}

const GNU_TIME = "/usr/bin/time";

/**
 * One GNU time per run (its CPU figures have a 10 ms resolution; a shell loop under one time
 * would be finer, but this sandbox's kernel does not add grandchildren to the rusage it reports).
 */
export function measureCommand(
  repeats: number,
  command: string[],
  options: { cwd: string; env: Record<string, string>; allowedExitCodes?: number[] },
): CommandCost {
  if (!existsSync(GNU_TIME)) {
    throw new Error(`${GNU_TIME} is missing: install Debian's "time" package (.ci/run does)`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "maat-bench-time-"));
  const report = path.join(dir, "time.txt");
  const costs: CommandCost[] = [];
  try {
    for (let i = 0; i < repeats; i++) {
      const result = spawnSync(GNU_TIME, ["-f", "%e %U %S %M", "-o", report, ...command], {
        cwd: options.cwd,
        env: options.env,
        stdio: ["ignore", "ignore", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      });
      const allowed = options.allowedExitCodes ?? [0];
      if (!allowed.includes(result.status ?? -1)) {
        throw new Error(
          `${command.join(" ")} exited ${result.status}: ${result.stderr.toString().slice(-800)}`,
        );
      }
      // GNU time writes "Command exited with non-zero status N" first when it is not 0.
      const last = readFileSync(report, "utf8").trim().split("\n").at(-1)!;
      const [wall, user, system, rssKiB] = last.split(" ").map(Number) as [number, number, number, number];
      costs.push({ wallMs: wall * 1000, cpuMs: (user + system) * 1000, maxRssMiB: rssKiB / 1024 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    wallMs: median(costs.map((c) => c.wallMs)),
    cpuMs: median(costs.map((c) => c.cpuMs)),
    maxRssMiB: median(costs.map((c) => c.maxRssMiB)),
  };
}

export function describeCost(cost: CommandCost): string {
  return `${(cost.cpuMs / 1000).toFixed(2)} CPU s, ${(cost.wallMs / 1000).toFixed(2)} s wall, ${cost.maxRssMiB.toFixed(0)} MiB`;
}
