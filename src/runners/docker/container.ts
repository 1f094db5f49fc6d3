import type { MetricExtractor } from "../../metrics/metric-extractor.js";
import type { LogSummary } from "../capped-log.js";
import type { StoppedBy } from "../local/exit-status.js";
import { openOutputLog } from "../output-log.js";
import type { OutputStream, RunnerPhase } from "../runner.js";
import { type ContainerSpec, createArgs } from "./container-spec.js";
import { type DockerCli, firstLines } from "./docker-cli.js";

export interface ContainerExit {
  exitCode: number | null;
  oomKilled: boolean;
  /** The engine could not start the container (its message); the command never ran. */
  startError?: string;
  /** From the container's own start and finish times when the engine reports them. */
  durationMs: number;
  stoppedBy: StoppedBy;
  /** How much output there was and how much of it the capped log left out. */
  log: LogSummary;
}

export interface RunningContainer {
  readonly id: string;
  readonly name: string;
  /** Resolves once the container has stopped and its output is in the log. */
  readonly done: Promise<ContainerExit>;
  ended(): boolean;
  /** `docker stop`: SIGTERM, then SIGKILL after the grace period. */
  stop(): Promise<void>;
  /** `docker rm -f`; returns a note when the container could not be removed. */
  remove(): Promise<string | undefined>;
}

export interface StartOptions {
  phase: RunnerPhase;
  logFile: string;
  extractor: MetricExtractor;
  /** Echo everything as "server" output (the inference server); default: stdout/stderr as they are. */
  echoAs?: "server";
  onOutput?: (chunk: Buffer, stream: OutputStream) => void;
  /** Values masked as *** in the log and the echo. */
  secrets?: readonly string[];
  logCap?: { headBytes?: number; tailBytes?: number };
  timeLimitMs?: number;
  signal?: AbortSignal;
  stopGraceMs: number;
}

/**
 * Creates a container and starts it attached (`docker start -a`), so no output is lost:
 * stdout and stderr go, as they arrive, to one capped, masked log file (never pausing the
 * container), the metric extractor and the live echo. The time limit and the abort signal stop the container itself (`docker stop`), not
 * only the CLI. The caller removes it with `remove()` whatever happened.
 */
export async function startContainer(
  cli: DockerCli,
  spec: ContainerSpec,
  options: StartOptions,
): Promise<RunningContainer> {
  const id = (await cli.check(createArgs(spec), options.phase, { env: spec.env })).split("\n").at(-1) ?? "";
  const log = await openOutputLog(options.logFile, {
    extractor: options.extractor,
    onOutput: options.onOutput,
    secrets: options.secrets,
    logCap: options.logCap,
  });
  const startedAt = performance.now();
  const attach = cli.spawn(["start", "--attach", id]);
  for (const stream of ["stdout", "stderr"] as const) {
    attach[stream]?.on("data", (chunk: Buffer) => log.write(chunk, stream, options.echoAs ?? stream));
  }
  const attached = new Promise<void>((resolve) => {
    attach.once("close", () => resolve());
    attach.once("error", () => resolve());
  });

  let stoppedBy: StoppedBy;
  let isEnded = false;
  let stopping: Promise<void> | undefined;
  const graceSeconds = Math.max(0, Math.ceil(options.stopGraceMs / 1000));
  const stop = (): Promise<void> => {
    stopping ??= cli.exec(["stop", "--time", String(graceSeconds), id]).then(() => undefined);
    return stopping;
  };
  const stopFor = (why: Exclude<StoppedBy, undefined>) => () => {
    stoppedBy ??= why;
    void stop();
  };
  const timer =
    options.timeLimitMs === undefined ? undefined : setTimeout(stopFor("time limit"), options.timeLimitMs);
  const onAbort = stopFor("cancel");
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted === true) onAbort();

  const done = attached.then(async (): Promise<ContainerExit> => {
    // The attachment can end before the container does (a lost connection): wait for the container.
    await cli.exec(["wait", id]);
    isEnded = true;
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    const summary = await log.close();
    const state = await inspectState(cli, id);
    const durationMs = state.durationMs ?? performance.now() - startedAt;
    return {
      exitCode: state.startError === undefined ? state.exitCode : null,
      oomKilled: state.oomKilled,
      ...(state.startError === undefined ? {} : { startError: state.startError }),
      durationMs,
      stoppedBy,
      log: summary,
    };
  });
  return {
    id,
    name: spec.name,
    done,
    ended: () => isEnded,
    stop,
    async remove() {
      const removed = await cli.exec(["rm", "--force", "--volumes", id]);
      if (removed.code === 0 || /no such container/i.test(removed.stderr)) return undefined;
      return `could not remove container ${spec.name}: ${firstLines(removed.stderr)}`;
    },
  };
}

interface ContainerState {
  exitCode: number | null;
  oomKilled: boolean;
  startError?: string;
  durationMs?: number;
}

async function inspectState(cli: DockerCli, id: string): Promise<ContainerState> {
  const result = await cli.exec(["container", "inspect", "--format", "{{json .State}}", id]);
  if (result.code !== 0) return { exitCode: null, oomKilled: false, startError: firstLines(result.stderr) };
  const state = JSON.parse(result.stdout) as {
    ExitCode?: number;
    OOMKilled?: boolean;
    Error?: string;
    StartedAt?: string;
    FinishedAt?: string;
  };
  const started = nanoTime(state.StartedAt);
  const finishedAt = nanoTime(state.FinishedAt);
  const ran = started !== undefined && started > 0;
  return {
    exitCode: state.ExitCode ?? null,
    oomKilled: state.OOMKilled === true,
    ...(state.Error ? { startError: state.Error } : ran ? {} : { startError: "the container never started" }),
    ...(ran && finishedAt !== undefined && finishedAt >= started ? { durationMs: finishedAt - started } : {}),
  };
}

/** Milliseconds since the epoch of Docker's RFC 3339 times with nanoseconds; 0001-01-01 means never. */
function nanoTime(text: string | undefined): number | undefined {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text ?? "");
  if (match === null) return undefined;
  const seconds = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(seconds) || seconds < 0) return 0;
  return seconds + Number(`0.${match[2] ?? "0"}`) * 1000;
}
