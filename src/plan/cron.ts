import { CronExpressionParser } from "cron-parser";

/** Macros cron-parser lacks; GitHub and Kubernetes accept `@midnight` as `@daily`. */
const MACROS: Record<string, string> = { "@midnight": "0 0 * * *" };

/** A 5-field cron expression (or @macro) evaluated in UTC, as GitHub and Kubernetes do. */
export interface Cron {
  expression: string;
  /** First fire strictly after `time`. */
  nextAfter(time: Date): Date;
  /** Latest fire at or before `time`. */
  latestAtOrBefore(time: Date): Date;
  /** Every fire strictly after `time`, in order, from one parse (for long scans). */
  firesAfter(time: Date): Generator<Date>;
}

/** Parses a cron expression; throws an Error whose message says what is wrong. */
export function parseCron(expression: string): Cron {
  const trimmed = expression.trim();
  const normalized = MACROS[trimmed.toLowerCase()] ?? trimmed;
  if (!normalized.startsWith("@") && normalized.split(/\s+/).length !== 5) {
    throw new Error(`\`${expression}\` must have 5 fields (minute hour day month weekday) or be an @macro`);
  }
  const at = (currentDate: Date) => CronExpressionParser.parse(normalized, { currentDate, tz: "UTC" });
  at(new Date(0)); // validate now, not at first use
  return {
    expression,
    nextAfter: (time) => at(time).next().toDate(),
    // prev() is strictly before its start; start 1 ms later so a fire exactly at `time` counts.
    latestAtOrBefore: (time) =>
      at(new Date(time.getTime() + 1))
        .prev()
        .toDate(),
    firesAfter: function* (time) {
      const fires = at(time);
      while (true) yield fires.next().toDate();
    },
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
