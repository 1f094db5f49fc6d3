import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { timerDelay } from "../../duration.js";
import type { MetricExtractor } from "../../metrics/metric-extractor.js";
import { createSecretMasker, maskSecrets } from "../benchmark-environment.js";
import { CappedLog, type LogSummary } from "../capped-log.js";
import type { OutputStream } from "../runner.js";
import type { StoppedBy } from "./exit-status.js";
import { type GroupExit, startProcessGroup } from "./process-group.js";
import {
  createRunToken,
  RUN_TOKEN_ENV,
  startWatchdog,
  stopTrackedProcesses,
  type TrackedProcess,
} from "./run-tracking.js";

export interface LoggedProcessOptions {
  cwd: string;
  env: Record<string, string>;
  logFile: string;
  extractor: MetricExtractor;
  /** Which stream name the live echo gets: stdout/stderr as they are, or everything as "server". */
  echoAs?: "server";
  onOutput?: (chunk: Buffer, stream: OutputStream) => void;
  graceMs: number;
  timeLimitMs?: number;
  signal?: AbortSignal;
  /** Values masked as *** in the log and the live echo. */
  secrets?: readonly string[];
  /** Head and tail kept in the log file; default 8 MiB each. */
  logCap?: { headBytes?: number; tailBytes?: number };
}

export interface LoggedProcess {
  readonly pid: number | undefined;
  /** Resolves when the process group is gone and the log is flushed. */
  readonly done: Promise<{
    exit: GroupExit;
    stoppedBy: StoppedBy;
    log: LogSummary;
    leftovers: TrackedProcess[];
  }>;
  /** True once the process has ended, on its own or not. */
  readonly ended: () => boolean;
  stop(): Promise<void>;
}

/**
 * Starts a command line in its own process group, with its output going, as it arrives, to
 * one log file, the metric extractor and the live echo. Enforces the time limit and the
 * abort signal by stopping the whole group.
 */
export async function startLoggedProcess(
  command: string,
  options: LoggedProcessOptions,
): Promise<LoggedProcess> {
  await mkdir(dirname(options.logFile), { recursive: true });
  const log = await CappedLog.open(options.logFile, options.logCap ?? {});
  const token = createRunToken();
  const secrets = options.secrets ?? [];
  const masker = createSecretMasker(secrets);
  const group = await startProcessGroup(command, {
    cwd: options.cwd,
    env: { ...options.env, [RUN_TOKEN_ENV]: token },
    sink: { write: (chunk) => log.write(masker.push(chunk)) },
    graceMs: options.graceMs,
    onChunk: (chunk, stream) => {
      options.extractor.write(chunk, stream);
      if (options.onOutput === undefined) return;
      // The chunk's buffer is reused for the next read: the echo gets its own copy.
      const echoed =
        secrets.length === 0 ? Buffer.from(chunk) : Buffer.from(maskSecrets(chunk.toString("utf8"), secrets));
      options.onOutput(echoed, options.echoAs ?? stream);
    },
  });
  const watchdog = startWatchdog(group.pid, token, options.graceMs);
  let stoppedBy: StoppedBy;
  let isEnded = false;
  const stopFor = (why: Exclude<StoppedBy, undefined>) => () => {
    stoppedBy ??= why;
    void group.stop();
  };
  const timer =
    options.timeLimitMs === undefined
      ? undefined
      : setTimeout(stopFor("time limit"), timerDelay(options.timeLimitMs));
  const onAbort = stopFor("cancel");
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted === true) onAbort();
  const done = group.finished.then(async (exit) => {
    isEnded = true;
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    // Processes that left the group (setsid, double fork) are found by the run's token.
    const leftovers = await stopTrackedProcesses(token, options.graceMs);
    watchdog.dismiss();
    log.write(masker.end());
    const logSummary = await log.close();
    return { exit, stoppedBy, log: logSummary, leftovers };
  });
  return { pid: group.pid, done, ended: () => isEnded, stop: () => group.stop() };
}
