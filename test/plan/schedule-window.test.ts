import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firesBetween, parseCron } from "../../src/plan/cron.js";
import { PlanError } from "../../src/plan/plan-error.js";
import { scheduleWindow } from "../../src/plan/schedule-window.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const GRACE = 60 * MINUTE;
const at = (iso: string) => new Date(iso);

describe("scheduleWindow", () => {
  it("covers the hour before the tick a run serves, even when the run starts late", () => {
    const window = scheduleWindow("0 * * * *", at("2026-03-01T12:37:00Z"), { graceMs: GRACE });
    expect(window.since.toISOString()).toBe("2026-03-01T11:00:00.000Z");
    expect(window.until.toISOString()).toBe("2026-03-01T12:00:00.000Z");
    expect(window.notes).toEqual([]);
  });

  it("starts at the tick the previous run served when its start is known, catching up dropped ticks", () => {
    const window = scheduleWindow("0 * * * *", at("2026-03-01T15:10:00Z"), {
      graceMs: GRACE,
      lastRunAt: at("2026-03-01T12:20:00Z"),
    });
    expect(window.since.toISOString()).toBe("2026-03-01T12:00:00.000Z");
    expect(window.until.toISOString()).toBe("2026-03-01T15:00:00.000Z");
  });

  it("gives a re-run of the same tick an empty window", () => {
    const window = scheduleWindow("0 * * * *", at("2026-03-01T12:50:00Z"), {
      graceMs: GRACE,
      lastRunAt: at("2026-03-01T12:10:00Z"),
    });
    expect(window.since).toEqual(window.until);
    expect(window.notes[0]).toMatch(/already served/);
  });

  it("warns when the workflow fires more often than a run may start late", () => {
    const window = scheduleWindow("*/5 * * * *", at("2026-03-01T12:07:00Z"), { graceMs: GRACE });
    expect(window.notes.join(" ")).toMatch(/fires every 5 min, more often than the 60 min/);
  });

  it("says when a run started later than the grace", () => {
    const window = scheduleWindow("0 */6 * * *", at("2026-03-01T13:30:00Z"), { graceMs: GRACE });
    expect(window.notes.join(" ")).toMatch(/started 90 min after its tick at 2026-03-01T12:00Z/);
  });

  it("rejects a workflow schedule it cannot read", () => {
    expect(() => scheduleWindow("every hour", at("2026-03-01T12:00:00Z"), { graceMs: GRACE })).toThrow(
      PlanError,
    );
  });
});

const DESCRIPTOR_CRONS = [
  "*/5 * * * *",
  "*/7 * * * *",
  "0 * * * *",
  "15,45 * * * *",
  "@daily",
  "0 9-17/2 * * 1-5",
];
const WORKFLOW_CRONS: Array<[string, number]> = [
  ["0 * * * *", HOUR],
  ["30 */2 * * *", 2 * HOUR],
  ["0 */6 * * *", 6 * HOUR],
];

/** Every fire selected by each run of a sequence of consecutive scheduled wake-ups. */
function selectedFires(
  workflowCron: string,
  descriptorCron: string,
  starts: Date[],
  options: { withLastRunAt: boolean },
): number[] {
  const cron = parseCron(descriptorCron);
  const selected: number[] = [];
  starts.forEach((now, index) => {
    const lastRunAt = options.withLastRunAt && index > 0 ? starts[index - 1] : undefined;
    const window = scheduleWindow(workflowCron, now, { graceMs: GRACE, ...(lastRunAt ? { lastRunAt } : {}) });
    selected.push(...firesBetween(cron, window.since, window.until, 10_000).map((f) => f.getTime()));
  });
  return selected;
}

describe("consecutive scheduled runs", () => {
  const arbitrary = fc.record({
    workflow: fc.constantFrom(...WORKFLOW_CRONS),
    descriptorCron: fc.constantFrom(...DESCRIPTOR_CRONS),
    startHour: fc.integer({ min: 0, max: 24 * 365 }),
    // GitHub starts scheduled runs late, up to the grace (which is under the workflow's period).
    delays: fc.array(fc.integer({ min: 0, max: GRACE - 1 }), { minLength: 2, maxLength: 30 }),
    withLastRunAt: fc.boolean(),
  });

  it("select each descriptor cron fire exactly once, however late each run starts", () => {
    fc.assert(
      fc.property(arbitrary, ({ workflow, descriptorCron, startHour, delays, withLastRunAt }) => {
        const [workflowCron] = workflow;
        const ticks: Date[] = [];
        const cron = parseCron(workflowCron);
        let tick = cron.nextAfter(new Date(Date.UTC(2026, 0, 1) + startHour * HOUR));
        for (const _ of delays) {
          ticks.push(tick);
          tick = cron.nextAfter(tick);
        }
        const starts = ticks.map((t, i) => new Date(t.getTime() + delays[i]!));
        const selected = selectedFires(workflowCron, descriptorCron, starts, { withLastRunAt });
        // The runs together own (tick before the first, last tick]: every fire there, once.
        const first = cron.latestAtOrBefore(new Date(ticks[0]!.getTime() - 1));
        const expected = firesBetween(parseCron(descriptorCron), first, ticks.at(-1)!, 10_000).map((f) =>
          f.getTime(),
        );
        expect(selected).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("select each fire exactly once with the previous start known, even when GitHub drops runs", () => {
    fc.assert(
      fc.property(
        arbitrary,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        ({ workflow, descriptorCron, startHour, delays }, dropped) => {
          const [workflowCron] = workflow;
          const cron = parseCron(workflowCron);
          let tick = cron.nextAfter(new Date(Date.UTC(2026, 0, 1) + startHour * HOUR));
          const firstTick = tick;
          const starts: Date[] = [];
          let lastTick = tick;
          delays.forEach((delay, i) => {
            // The first run starts within its period (nothing before it to chain from); later
            // runs may be dropped or start up to three hours late.
            if (i === 0 || !dropped[i]) {
              starts.push(new Date(tick.getTime() + (i === 0 ? delay : delay * 3)));
              lastTick = tick;
            }
            tick = cron.nextAfter(tick);
          });
          // Late runs can start out of order; "the previous run" is the one that started before.
          starts.sort((a, b) => a.getTime() - b.getTime());
          const selected = selectedFires(workflowCron, descriptorCron, starts, { withLastRunAt: true });
          const first = cron.latestAtOrBefore(new Date(firstTick.getTime() - 1));
          const end = cron.latestAtOrBefore(starts.at(-1)!);
          const expected = firesBetween(parseCron(descriptorCron), first, end, 10_000).map((f) =>
            f.getTime(),
          );
          expect(selected).toEqual(expected);
          expect(end >= lastTick).toBe(true);
          expect(new Set(selected).size).toBe(selected.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
