import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Every process a benchmark starts inherits this variable, even one that leaves the process group
 * with `setsid` or double-forks: it is how Maat finds what a run left behind.
 */
export const RUN_TOKEN_ENV = "MAAT_RUN_TOKEN";

const NUL = Buffer.from([0]);

export function createRunToken(): string {
  return randomBytes(12).toString("hex");
}

export interface TrackedProcess {
  pid: number;
  command: string;
}

/** Live processes (zombies aside) whose environment carries the run's token. */
export async function findTrackedProcesses(token: string): Promise<TrackedProcess[]> {
  const marker = Buffer.from(`${RUN_TOKEN_ENV}=${token}\0`);
  const entries = await readdir("/proc").catch(() => [] as string[]);
  const found: TrackedProcess[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const environ = await readFile(`/proc/${entry}/environ`).catch(() => undefined);
    // Variables are NUL-separated; the first one has no NUL before it.
    if (
      environ === undefined ||
      !(environ.indexOf(marker) === 0 || environ.includes(Buffer.concat([NUL, marker])))
    )
      continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    if (state === "Z" || state === "X" || stat === "") continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    found.push({ pid: Number(entry), command: cmdline.split("\0").filter(Boolean).join(" ").slice(0, 200) });
  }
  return found;
}

/** Stops what the run left behind: SIGTERM, then SIGKILL after `graceMs`; returns what was found. */
export async function stopTrackedProcesses(token: string, graceMs: number): Promise<TrackedProcess[]> {
  const leftovers = await findTrackedProcesses(token);
  if (leftovers.length === 0) return [];
  for (const p of leftovers) signal(p.pid, "SIGTERM");
  const deadline = performance.now() + graceMs;
  while (performance.now() < deadline && (await findTrackedProcesses(token)).length > 0) await sleep(25);
  for (const p of await findTrackedProcesses(token)) signal(p.pid, "SIGKILL");
  return leftovers;
}

/**
 * A watchdog outside the benchmark's group that holds a pipe from Maat: if Maat dies (even by
 * kill -9), the pipe closes and the watchdog stops the benchmark's group and every process
 * carrying the run's token, so nothing is orphaned. `dismiss` ends it once Maat cleaned up itself.
 */
export function startWatchdog(
  groupId: number | undefined,
  token: string,
  graceMs: number,
): { dismiss(): void } {
  if (groupId === undefined) return { dismiss() {} };
  const grace = Math.max(1, Math.ceil(graceMs / 1000));
  const sweep = (sig: string) =>
    `for f in /proc/[0-9]*/environ; do if tr '\\0' '\\n' < "$f" 2>/dev/null | grep -qx '${RUN_TOKEN_ENV}=${token}'; then p=\${f#/proc/}; kill -${sig} \${p%/environ} 2>/dev/null; fi; done`;
  const script = `read _; kill -TERM -${groupId} 2>/dev/null; ${sweep("TERM")}; sleep ${grace}; kill -KILL -${groupId} 2>/dev/null; ${sweep("KILL")}`;
  const watchdog = spawn("/bin/sh", ["-c", script], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
    env: { PATH: "/usr/local/bin:/usr/bin:/bin" },
  });
  watchdog.on("error", () => undefined);
  watchdog.stdin?.on("error", () => undefined);
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    dismiss() {
      signal(watchdog.pid, "SIGKILL");
    },
  };
}

function signal(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}
