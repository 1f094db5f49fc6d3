import { Cron } from "croner";

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
 * Five fields only: croner also takes a seconds field, which Kubernetes does not.
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
  try {
    new Cron(value, { timezone: "UTC" });
  } catch (error) {
    // croner says "CronPattern: Invalid value for minute: 61"; keep the part about the field.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^CronPattern:\s*/, "");
    return `is not a valid cron expression (${reason}): ${JSON.stringify(value)}`;
  }
  return undefined;
}

function namesAreKnown(field: string): boolean {
  return (field.match(/[A-Za-z]+/g) ?? []).every((name) => NAMES.has(name.toLowerCase()));
}
