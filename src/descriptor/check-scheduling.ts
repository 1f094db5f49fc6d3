import { cronFieldsProblem } from "./cron-fields.js";

/** The macros Kubernetes CronJobs accept. */
export const SCHEDULE_MACROS = [
  "@yearly",
  "@annually",
  "@monthly",
  "@weekly",
  "@daily",
  "@midnight",
  "@hourly",
];

const NAMES = new Set(
  ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].concat([
    "sun",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
  ]),
);

/**
 * Why `scheduling` is not "single_run" or a Kubernetes CronJob schedule, or undefined when it is.
 * Five fields only: a seconds field, which some cron libraries take, Kubernetes does not.
 */
export function checkScheduling(value: string): string | undefined {
  if (value === "single_run") return undefined;
  if (value.startsWith("@")) {
    if (SCHEDULE_MACROS.includes(value)) return undefined;
    return `unknown schedule macro ${JSON.stringify(value)}; use one of ${SCHEDULE_MACROS.join(", ")}, a 5-field cron expression or "single_run"`;
  }
  const fields = value.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `must be "single_run" or a cron expression with 5 fields (minute hour day-of-month month day-of-week), got ${fields.length} in ${JSON.stringify(value)}`;
  }
  const unsupported = fields.find((f) => !/^[0-9A-Za-z*,/?-]+$/.test(f) || !namesAreKnown(f));
  if (unsupported !== undefined) {
    return `is not a valid cron expression: field ${JSON.stringify(unsupported)} may only hold numbers, *, ranges (1-5), lists (1,3), steps (*/5) and month or day names`;
  }
  const reason = cronFieldsProblem(fields);
  return reason === undefined
    ? undefined
    : `is not a valid cron expression (${reason}): ${JSON.stringify(value)}`;
}

function namesAreKnown(field: string): boolean {
  return (field.match(/[A-Za-z]+/g) ?? []).every((name) => NAMES.has(name.toLowerCase()));
}
