import type { Descriptor } from "../descriptor/types.js";
import { type Cron, parseCron } from "./cron.js";

/** A workflow that runs Maat's plan on a schedule: its file ("" when it goes without saying) and crons. */
export interface WorkflowSchedule {
  file: string;
  crons: string[];
}

/** Where the scan starts: a fixed instant, so the same crons always give the same answer. */
const SCAN_FROM = new Date("2026-01-05T00:00:00Z");
/** Workflow wake-ups scanned, at most, and at most a year of them. */
const SCAN_TICKS = 400;
const SCAN_SPAN_MS = 366 * 24 * 3_600_000;

/**
 * A check of descriptor crons against the scheduled workflows' crons: it returns why a
 * descriptor's `info.scheduling` cannot be honoured, or undefined when it can. The plan runs a
 * descriptor once per wake-up of the workflow, however often its cron fired since the previous
 * one, so a descriptor cron that fires twice between two wake-ups runs less often than it says.
 * No scheduled workflow: it never runs. The workflows' wake-ups are listed once, up front.
 *
 * @example
 * const check = scheduleCoverage([{ file: ".github/workflows/b.yml", crons: ["17 * * * *"] }]);
 * check("* * * * *") // "fires every 1 min, but the scheduled workflow (.github/workflows/b.yml) wakes only every 60 min ..."
 */
export function scheduleCoverage(
  workflows: readonly WorkflowSchedule[],
): (descriptorCron: string) => string | undefined {
  const wakeUps: WakeUp[] = workflows.flatMap((w) =>
    w.crons.flatMap((cron) => {
      const parsed = tryParse(cron);
      const ticks = parsed === undefined ? undefined : attempt(() => scanTicks(parsed));
      return ticks === undefined ? [] : [{ file: w.file, cron, ticks }];
    }),
  );
  return (descriptorCron) => {
    const descriptor = tryParse(descriptorCron);
    if (descriptor === undefined) return undefined; // the descriptor's own check reports a bad cron
    if (workflows.length === 0) {
      return "is a cron, but no workflow in .github/workflows runs Maat's plan on a schedule, so it never runs on its own";
    }
    // Honoured when any one scheduled workflow wakes often enough. A cron that stops firing
    // (30 February) has nothing to honour.
    return attempt(() => {
      const crowded = wakeUps.every((w) => firesTwiceBetweenTicks(descriptor, w.ticks));
      return crowded && wakeUps.length > 0 ? describe(descriptor, wakeUps[0]!) : undefined;
    });
  };
}

/** One cron of a scheduled workflow, with its wake-ups over the scan. */
interface WakeUp {
  file: string;
  cron: string;
  ticks: Date[];
}

function describe(descriptor: Cron, crowded: WakeUp): string {
  return (
    `fires every ${interval(shortestGap(firesAfter(descriptor, SCAN_FROM, 50)))}, but the ` +
    `scheduled workflow ${crowded.file ? `(${crowded.file}) ` : ""}wakes only every ` +
    `${interval(longestGap(crowded.ticks))} (\`${crowded.cron}\`): it runs once per wake-up, not at each ` +
    "fire; make the workflow's cron at least as frequent, or this one less"
  );
}

/**
 * Plan notes for a scheduled run: each descriptor whose cron fires more often than the workflow
 * cron that woke this run.
 */
export function scheduleCoverageNotes(descriptors: readonly Descriptor[], workflowCron: string): string[] {
  const check = scheduleCoverage([{ file: "", crons: [workflowCron] }]);
  return descriptors.flatMap((d) => {
    const problem = check(d.info.scheduling);
    return problem === undefined ? [] : [`\`${d.id}\` (\`${d.info.scheduling}\`) ${problem}.`];
  });
}

/** The workflow's wake-ups over the scan, oldest first, starting at or before its start. */
function scanTicks(workflow: Cron): Date[] {
  const first = workflow.latestAtOrBefore(SCAN_FROM);
  const ticks = [first];
  for (let tick = workflow.nextAfter(first); ticks.length <= SCAN_TICKS; tick = workflow.nextAfter(tick)) {
    if (tick.getTime() - first.getTime() > SCAN_SPAN_MS) break;
    ticks.push(tick);
  }
  return ticks;
}

/**
 * Whether two descriptor fires share one window (tick, next tick]. A descriptor that fires more
 * often than there are windows must, so the scan ends after at most one fire per window.
 */
function firesTwiceBetweenTicks(descriptor: Cron, ticks: Date[]): boolean {
  const last = ticks.at(-1)!.getTime();
  let window = 0;
  let previousWindow = -1;
  for (let fire = descriptor.nextAfter(ticks[0]!); ; fire = descriptor.nextAfter(fire)) {
    const time = fire.getTime();
    if (time > last) return false;
    while (ticks[window + 1]!.getTime() < time) window++;
    if (window === previousWindow) return true;
    previousWindow = window;
  }
}

/** The first `count` fires after `time`. */
function firesAfter(cron: Cron, time: Date, count: number): Date[] {
  const fires = [cron.nextAfter(time)];
  while (fires.length < count) fires.push(cron.nextAfter(fires.at(-1)!));
  return fires;
}

function shortestGap(times: Date[]): number {
  return Math.min(...times.slice(1).map((t, i) => t.getTime() - times[i]!.getTime()));
}

function longestGap(times: Date[]): number {
  return Math.max(...times.slice(1).map((t, i) => t.getTime() - times[i]!.getTime()));
}

/** The result, or undefined when a cron runs out of fires while scanning. */
function attempt<T>(scan: () => T): T | undefined {
  try {
    return scan();
  } catch {
    return undefined;
  }
}

function tryParse(expression: string): Cron | undefined {
  if (expression === "single_run") return undefined;
  try {
    return parseCron(expression);
  } catch {
    return undefined;
  }
}

/** "1 min", "90 min", "6 h", "7 days": a cron's spacing in the unit people schedule in. */
function interval(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120 || minutes % 60 !== 0) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48 || hours % 24 !== 0) return `${hours} h`;
  return `${hours / 24} days`;
}
