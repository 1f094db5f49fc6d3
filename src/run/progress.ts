/** What the orchestrator reports while it works; the CLI prints one line per event. */
export type ProgressEvent =
  | { kind: "start"; benchmark: string; warmup: number; repetitions: number | "auto"; maxRepetitions: number }
  | {
      kind: "repetition";
      benchmark: string;
      warmup: boolean;
      index: number;
      /** Planned count of this kind; for "auto" the cap. */
      of: number;
      status: string;
      durationMs: number;
      elapsedMs: number;
      /** Estimated time left for the planned repetitions; undefined when unknown. */
      remainingMs?: number;
      reason?: string;
    }
  | { kind: "data"; benchmark: string; message: string }
  | {
      kind: "done";
      benchmark: string;
      status: string;
      stopReason: string;
      receiptPath: string;
      elapsedMs: number;
    };

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return minutes < 60
    ? `${minutes}m${String(rest).padStart(2, "0")}s`
    : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}

/** One human line per event, e.g. `hello-world: repetition 2/5 succeeded in 0.31 s (elapsed 1.40 s, ~0.93 s left)`. */
export function formatProgress(event: ProgressEvent): string {
  switch (event.kind) {
    case "start": {
      const planned =
        event.repetitions === "auto" ? `auto (up to ${event.maxRepetitions})` : `${event.repetitions}`;
      return `${event.benchmark}: starting ${event.warmup} warm-up and ${planned} measured repetition(s)`;
    }
    case "repetition": {
      const what = event.warmup ? "warm-up" : "repetition";
      const left = event.remainingMs === undefined ? "" : `, ~${formatDuration(event.remainingMs)} left`;
      const why = event.reason && event.status !== "succeeded" ? `: ${event.reason}` : "";
      return `${event.benchmark}: ${what} ${event.index}/${event.of} ${event.status} in ${formatDuration(event.durationMs)} (elapsed ${formatDuration(event.elapsedMs)}${left})${why}`;
    }
    case "data":
      return `${event.benchmark}: data ${event.message}`;
    case "done":
      return `${event.benchmark}: ${event.status} after ${formatDuration(event.elapsedMs)} (${event.stopReason}); receipt ${event.receiptPath}`;
  }
}
