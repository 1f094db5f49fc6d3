import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/index.js";
import { planRuns } from "../../src/plan/index.js";
import type { ScheduleEvent } from "../../src/plan/types.js";
import { makeDescriptor } from "./make-descriptor.js";

const DESCRIPTORS = [
  makeDescriptor("benchmarks/hourly.toml", { scheduling: "@hourly" }),
  makeDescriptor("benchmarks/daily.toml", { scheduling: "@daily" }),
  makeDescriptor("benchmarks/five.toml", { scheduling: "*/5 * * * *" }),
  makeDescriptor("benchmarks/once.toml"),
  makeDescriptor("benchmarks/broken.toml", { scheduling: "every day" }),
];

function planAt(now: string, event: Partial<ScheduleEvent> = {}) {
  return planRuns({
    event: { kind: "schedule", cron: "0 * * * *", ...event },
    descriptors: DESCRIPTORS,
    config: DEFAULT_CONFIG,
    now: new Date(now),
  });
}

describe("planRuns on a schedule", () => {
  it("runs the descriptors whose cron fired since the previous tick, and says when the others are due", () => {
    const result = planAt("2026-11-24T13:20:00Z");
    expect(result.entries.map((e) => [e.benchmark, e.reason])).toEqual([
      [
        "benchmarks-five",
        "`*/5 * * * *` fired 12 times in (2026-11-24T12:00Z, 2026-11-24T13:00Z]; runs once",
      ],
      ["benchmarks-hourly", "`@hourly` fired at 2026-11-24T13:00Z"],
    ]);
    expect(Object.fromEntries(result.skipped.map((s) => [s.id, s.reason]))).toEqual({
      "benchmarks-broken": expect.stringMatching(/^invalid cron/),
      "benchmarks-daily": "`@daily`: next due at 2026-11-25T00:00Z",
      "benchmarks-once": "single_run: not scheduled",
    });
  });

  it("runs a daily benchmark from the run that serves midnight, even when it starts 40 minutes late", () => {
    const result = planAt("2026-11-25T00:40:00Z");
    expect(result.entries.map((e) => e.benchmark)).toContain("benchmarks-daily");
    expect(planAt("2026-11-25T01:05:00Z").entries.map((e) => e.benchmark)).not.toContain("benchmarks-daily");
  });

  it("does not run a daily benchmark twice when a tick is re-run", () => {
    const result = planAt("2026-11-25T00:55:00Z", { lastRunAt: new Date("2026-11-25T00:10:00Z") });
    expect(result.entries).toEqual([]);
  });

  it("catches up a daily benchmark when the midnight run was dropped", () => {
    const result = planAt("2026-11-25T01:05:00Z", { lastRunAt: new Date("2026-11-24T23:02:00Z") });
    expect(result.entries.map((e) => e.benchmark)).toContain("benchmarks-daily");
  });

  it("lists the window's notes in the summary", () => {
    const result = planAt("2026-11-24T13:20:00Z", { cron: "*/10 * * * *" });
    expect(result.summaryMarkdown).toContain("fires every 10 min");
  });
});
