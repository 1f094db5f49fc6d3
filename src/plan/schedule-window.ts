import { type Cron, formatCronTime, parseCron } from "./cron.js";
import { PlanError } from "./plan-error.js";

/** The descriptor cron fires this scheduled run is responsible for: those in (since, until]. */
export interface ScheduleWindow {
  since: Date;
  until: Date;
  notes: string[];
}

/**
 * Why windows are anchored on the workflow's own cron ticks, not on the clock: GitHub starts
 * scheduled runs late (often 5-30+ minutes) and unevenly. A run that starts at `now` serves
 * the latest tick T of the workflow cron at or before `now`, and owns the fires in
 * (previous tick, T]. Consecutive ticks give back-to-back windows, so each fire is selected
 * by exactly one run however late each run starts, as long as no run starts a whole workflow
 * period late. `grace` is the lateness we assume; when the workflow cron fires more often than
 * that, the tick a late run serves is ambiguous and a note says so.
 *
 * With `lastRunAt` the window starts at the tick the previous run served instead, which also
 * catches up ticks GitHub dropped and stays exact for any lateness (a re-run of the same tick
 * gets an empty window). It uses that run's tick, not its start time, so runs planned with and
 * without `lastRunAt` still tile the timeline without gaps or overlaps.
 */
export function scheduleWindow(
  workflowCron: string,
  now: Date,
  options: { lastRunAt?: Date; graceMs: number },
): ScheduleWindow {
  let cron: Cron;
  try {
    cron = parseCron(workflowCron);
  } catch (error) {
    throw new PlanError(`the workflow's schedule \`${workflowCron}\` is not a cron Maat can read`, {
      hint: (error as Error).message,
      cause: error,
    });
  }
  const tick = cron.latestAtOrBefore(now);
  const previousTick = cron.latestAtOrBefore(new Date(tick.getTime() - 1));
  const notes: string[] = [];
  let since = previousTick;
  const { lastRunAt, graceMs } = options;
  if (lastRunAt !== undefined && lastRunAt <= now) {
    since = cron.latestAtOrBefore(lastRunAt);
    if (since.getTime() === tick.getTime()) {
      notes.push(
        `The previous run (started ${lastRunAt.toISOString()}) already served the tick at ${formatCronTime(tick)}.`,
      );
    }
  } else {
    if (lastRunAt !== undefined)
      notes.push(`Ignored a previous run start in the future (${lastRunAt.toISOString()}).`);
    const period = Math.min(
      tick.getTime() - previousTick.getTime(),
      cron.nextAfter(tick).getTime() - tick.getTime(),
    );
    if (period < graceMs) {
      notes.push(
        `The workflow schedule \`${workflowCron}\` fires every ${minutes(period)} min, more often than the ` +
          `${minutes(graceMs)} min a scheduled run may start late: a late run can miss or repeat a benchmark. ` +
          "Use a schedule at least as long as `schedule.grace`, or pass the previous run's start.",
      );
    }
  }
  const lateness = now.getTime() - tick.getTime();
  if (lateness > graceMs) {
    notes.push(
      `This run started ${minutes(lateness)} min after its tick at ${formatCronTime(tick)}, later than ` +
        `\`schedule.grace\` (${minutes(graceMs)} min).`,
    );
  }
  return { since, until: tick, notes };
}

function minutes(ms: number): number {
  return Math.round(ms / 60_000);
}
