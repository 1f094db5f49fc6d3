import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { constants } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { type OutputSocket, openOutputSocket } from "./output-socket.js";

export interface GroupExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the shell itself could not be started. */
  error?: Error;
  durationMs: number;
}

export interface GroupProcessOptions {
  cwd: string;
  env: Record<string, string>;
  /**
   * Every chunk of stdout and stderr, in arrival order (the log, the extractor, the terminal).
   * The chunk is a view of a reused read buffer, valid only during the call.
   */
  onChunk: (chunk: Buffer, stream: "stdout" | "stderr") => void;
  /** The log; it never pushes back, so the benchmark is never paused for the disk while timed. */
  sink: { write(chunk: Buffer): void };
  /** How long stragglers get between SIGTERM and SIGKILL. */
  graceMs: number;
}

export interface GroupProcess {
  readonly pid: number | undefined;
  /** Resolves once the shell has exited, the rest of its group is stopped and its output is drained. */
  readonly finished: Promise<GroupExit>;
  /** SIGTERM to the whole group, SIGKILL after the grace period; resolves when the group is gone. */
  stop(): Promise<void>;
}

/**
 * Runs a shell command line as the leader of its own process group, so that stopping it
 * (time limit, Ctrl-C, cleanup) reaches every process it started, grandchildren included.
 * Its output is read into reused buffers (see openOutputSocket), so a benchmark printing
 * gigabytes costs Maat no more memory than one printing kilobytes.
 */
export async function startProcessGroup(
  commandLine: string,
  options: GroupProcessOptions,
): Promise<GroupProcess> {
  const outputs = await Promise.all(
    (["stdout", "stderr"] as const).map((stream) =>
      openOutputSocket((chunk) => {
        options.onChunk(chunk, stream);
        options.sink.write(chunk);
      }),
    ),
  );
  const [stdout, stderr] = outputs as [OutputSocket, OutputSocket];
  const startedAt = performance.now();
  const child = spawn("/bin/sh", ["-c", commandLine], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", stdout.childEnd, stderr.childEnd],
  });
  // The benchmark holds its own copies now; the output ends when the last of them closes.
  for (const output of outputs) output.closeChildEnd();
  const pid = child.pid;
  const drained = Promise.all(outputs.map((output) => output.drained)).then(() => undefined);
  const stop = (): Promise<void> => stopProcessGroup(pid, options.graceMs);

  const finished = new Promise<GroupExit>((resolve) => {
    child.once("error", (error) => {
      for (const output of outputs) output.destroy();
      resolve({ exitCode: null, signal: null, error, durationMs: performance.now() - startedAt });
    });
    child.once("exit", (exitCode, signal) => {
      const durationMs = performance.now() - startedAt;
      // Whatever the shell left running in the background goes too; then the output ends.
      void stop()
        .then(() => drainedWithin(outputs, drained, options.graceMs + 2000))
        .then(() => resolve({ exitCode, signal, durationMs }));
    });
  });
  return { pid, finished, stop };
}

/** Stops a process group: SIGTERM, then SIGKILL to whatever is left after `graceMs`. */
export async function stopProcessGroup(pid: number | undefined, graceMs: number): Promise<void> {
  if (pid === undefined || !signalGroup(pid, "SIGTERM")) return;
  const deadline = performance.now() + graceMs;
  while (performance.now() < deadline) {
    await sleep(25);
    if (!(await isGroupAlive(pid))) return;
  }
  signalGroup(pid, "SIGKILL");
  for (let i = 0; i < 40 && (await isGroupAlive(pid)); i++) await sleep(25);
}

/**
 * True when some process of the group still runs. Zombies do not count: where pid 1 does not
 * reap orphans (many containers), a killed grandchild stays a zombie and would look alive.
 */
export async function isGroupAlive(pid: number): Promise<boolean> {
  if (!signalGroup(pid, 0)) return false;
  const entries = await readdir("/proc").catch(() => undefined);
  if (entries === undefined) return true;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Fields after the command name: state, ppid, pgrp.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[2] === String(pid) && fields[0] !== "Z" && fields[0] !== "X") return true;
  }
  return false;
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Waits for the output to end; a process outside the group holding it cannot hang us. */
async function drainedWithin(outputs: OutputSocket[], drained: Promise<void>, ms: number): Promise<void> {
  const timeout = new AbortController();
  const timer = sleep(ms, undefined, { signal: timeout.signal }).then(
    () => {
      for (const output of outputs) output.destroy();
    },
    () => undefined,
  );
  await Promise.race([drained, timer]);
  timeout.abort();
}

/** "SIGSEGV" for 11; undefined when the number is no signal. */
export function signalName(signalNumber: number): string | undefined {
  for (const [name, number] of Object.entries(constants.signals)) if (number === signalNumber) return name;
  return undefined;
}
