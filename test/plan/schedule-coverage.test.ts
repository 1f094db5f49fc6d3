import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/index.js";
import { planRuns } from "../../src/plan/index.js";
import { scheduleCoverage } from "../../src/plan/schedule-coverage.js";
import { makeDescriptor } from "./make-descriptor.js";

const hourly = scheduleCoverage([{ file: ".github/workflows/s.yml", crons: ["17 * * * *"] }]);

describe("scheduleCoverage", () => {
  it("accepts descriptor crons the workflow wakes for at least as often", () => {
    for (const cron of ["0 3 * * *", "@daily", "30 */2 * * *", "0 0 * * 1", "single_run"]) {
      expect(hourly(cron), cron).toBeUndefined();
    }
  });

  it("warns when a descriptor cron fires twice between two wake-ups, saying how often each fires", () => {
    expect(hourly("*/15 * * * *")).toBe(
      "fires every 15 min, but the scheduled workflow (.github/workflows/s.yml) wakes only every 60 min (`17 * * * *`): it runs once per wake-up, not at each fire; make the workflow's cron at least as frequent, or this one less",
    );
    const daily = scheduleCoverage([{ file: "", crons: ["0 6 * * *"] }]);
    expect(daily("0 3,5 * * *")).toMatch(
      /^fires every 2 h, but the scheduled workflow wakes only every 24 h/,
    );
    // A weekday workflow leaves a 3-day window over the weekend.
    const weekdays = scheduleCoverage([{ file: "", crons: ["0 4 * * 1-5"] }]);
    expect(weekdays("0 3 * * 1")).toBeUndefined();
    expect(weekdays("0 3 * * 0,6")).toMatch(/wakes only every 3 days/);
  });

  it("is content when any one scheduled workflow wakes often enough", () => {
    const two = scheduleCoverage([
      { file: "a.yml", crons: ["0 0 * * *"] },
      { file: "b.yml", crons: ["*/5 * * * *"] },
    ]);
    expect(two("*/10 * * * *")).toBeUndefined();
  });

  it("says a scheduled descriptor never runs without a scheduled workflow", () => {
    expect(scheduleCoverage([])("@hourly")).toBe(
      "is a cron, but no workflow in .github/workflows runs Maat's plan on a schedule, so it never runs on its own",
    );
  });

  it("leaves crons it cannot read to the checks that report them", () => {
    expect(hourly("61 * * * *")).toBeUndefined();
    expect(scheduleCoverage([{ file: "", crons: ["nonsense"] }])("* * * * *")).toBeUndefined();
    // Valid fields, but no date ever matches: nothing to honour, and no crash.
    expect(hourly("0 0 30 2 *")).toBeUndefined();
    expect(scheduleCoverage([{ file: "", crons: ["0 0 30 2 *"] }])("* * * * *")).toBeUndefined();
  });
});

describe("planRuns on a schedule", () => {
  it("notes each descriptor whose cron the waking workflow cannot honour", () => {
    const plan = planRuns({
      event: { kind: "schedule", cron: "0 * * * *" },
      descriptors: [
        makeDescriptor("benchmarks/a.toml", { id: "often", scheduling: "*/20 * * * *" }),
        makeDescriptor("benchmarks/b.toml", { id: "nightly", scheduling: "0 3 * * *" }),
      ],
      config: DEFAULT_CONFIG,
      now: new Date("2026-03-01T12:05:00Z"),
    });
    const notes = plan.notes.filter((n) => n.includes("wakes only"));
    expect(notes).toEqual([
      "`often` (`*/20 * * * *`) fires every 20 min, but the scheduled workflow wakes only every 60 min (`0 * * * *`): it runs once per wake-up, not at each fire; make the workflow's cron at least as frequent, or this one less.",
    ]);
    expect(plan.summaryMarkdown).toContain("`often` (`*/20 * * * *`) fires every 20 min");
  });
});
