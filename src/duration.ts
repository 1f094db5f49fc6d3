const DURATION = /^(?=\d)(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * Milliseconds in a duration like "90s", "10m", "1h30m" or "500ms"; undefined when it is not one.
 * The one duration grammar of descriptors, `maat.toml` and the command line.
 *
 * @example parseDuration("1h30m") // 5_400_000
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  const [, hours, minutes, seconds, millis] = match.map((part) => Number(part ?? 0));
  return (((hours ?? 0) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000 + (millis ?? 0);
}

/** A duration as TOML allows it: a duration string, or whole seconds as a number. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value * 1000 : undefined;
  return typeof value === "string" ? parseDuration(value) : undefined;
}

/**
 * The longest duration Maat accepts: Node's timers hold at most 2^31-1 ms (about 24.8 days) and
 * fire after 1 ms beyond that, so a longer limit would end a benchmark at once.
 */
export const MAX_DURATION_MS = 2 ** 31 - 1;

/** The limit in words, for messages. */
export const MAX_DURATION_TEXT = "596h (about 24 days)";

/** Why a duration in milliseconds cannot be used as a limit; undefined when it can. */
export function durationLimitProblem(ms: number): string | undefined {
  return ms > MAX_DURATION_MS ? `must be at most ${MAX_DURATION_TEXT}` : undefined;
}

/** A delay safe to hand to setTimeout: never negative, never past Node's timer limit. */
export function timerDelay(ms: number): number {
  return Math.min(Math.max(0, Number.isFinite(ms) ? ms : MAX_DURATION_MS), MAX_DURATION_MS);
}
