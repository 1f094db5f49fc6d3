import { Cron as Croner } from "croner";

/** Macros spelled out; GitHub and Kubernetes accept `@midnight` as `@daily`. */
const MACROS: Record<string, string> = { "@midnight": "0 0 * * *" };

/** A 5-field cron expression (or @macro) evaluated in UTC, as GitHub and Kubernetes do. */
export interface Cron {
  expression: string;
  /** First fire strictly after `time`. */
  nextAfter(time: Date): Date;
  /** Latest fire at or before `time`. */
  latestAtOrBefore(time: Date): Date;
}

/** Parses a cron expression; throws an Error whose message says what is wrong. */
export function parseCron(expression: string): Cron {
  const trimmed = expression.trim();
  const normalized = MACROS[trimmed.toLowerCase()] ?? trimmed;
  if (!normalized.startsWith("@") && normalized.split(/\s+/).length !== 5) {
    throw new Error(`\`${expression}\` must have 5 fields (minute hour day month weekday) or be an @macro`);
  }
  // Throws now, with the field at fault, rather than at first use.
  const cron = new Croner(normalized, { timezone: "UTC" });
  const must = (fire: Date | null | undefined, what: string) => {
    if (fire === null || fire === undefined) throw new Error(`\`${expression}\` has no ${what} fire`);
    return fire;
  };
  return {
    expression,
    nextAfter: (time) => must(cron.nextRun(time), "next"),
    // previousRuns is strictly before its start; start 1 ms later so a fire exactly at `time` counts.
    latestAtOrBefore: (time) => must(cron.previousRuns(1, new Date(time.getTime() + 1))[0], "earlier"),
  };
}

/** Fires in (since, until], at most `limit` of them (a long catch-up window would be slow to list). */
export function firesBetween(cron: Cron, since: Date, until: Date, limit = 100): Date[] {
  const fires: Date[] = [];
  for (let fire = cron.nextAfter(since); fire <= until && fires.length < limit; fire = cron.nextAfter(fire)) {
    fires.push(fire);
  }
  return fires;
}

/** "2026-11-25T00:00Z": minute precision is all a cron has. */
export function formatCronTime(time: Date): string {
  return `${time.toISOString().slice(0, 16)}Z`;
}
