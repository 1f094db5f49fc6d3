import { describe, expect, it } from "vitest";
import { firesBetween, parseCron } from "../../src/plan/cron.js";

const at = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("parseCron", () => {
  it("counts a fire exactly at the end of a window and not one exactly at its start", () => {
    const cron = parseCron("0 * * * *");
    expect(iso(firesBetween(cron, at("2026-03-01T10:00:00Z"), at("2026-03-01T12:00:00Z")))).toEqual([
      "2026-03-01T11:00:00.000Z",
      "2026-03-01T12:00:00.000Z",
    ]);
  });

  it("steps every five minutes for */5", () => {
    const fires = firesBetween(
      parseCron("*/5 * * * *"),
      at("2026-03-01T10:00:00Z"),
      at("2026-03-01T10:20:00Z"),
    );
    expect(iso(fires)).toEqual([
      "2026-03-01T10:05:00.000Z",
      "2026-03-01T10:10:00.000Z",
      "2026-03-01T10:15:00.000Z",
      "2026-03-01T10:20:00.000Z",
    ]);
  });

  it("reads ranges with steps and lists", () => {
    const cron = parseCron("30 9-17/4 * * 1,3");
    // 2026-03-02 is a Monday.
    expect(iso(firesBetween(cron, at("2026-03-02T00:00:00Z"), at("2026-03-03T00:00:00Z")))).toEqual([
      "2026-03-02T09:30:00.000Z",
      "2026-03-02T13:30:00.000Z",
      "2026-03-02T17:30:00.000Z",
    ]);
  });

  it.each([
    ["@hourly", "2026-03-01T11:00:00.000Z"],
    ["@daily", "2026-03-02T00:00:00.000Z"],
    ["@midnight", "2026-03-02T00:00:00.000Z"],
    ["@weekly", "2026-03-08T00:00:00.000Z"],
    ["@monthly", "2026-04-01T00:00:00.000Z"],
    ["@yearly", "2027-01-01T00:00:00.000Z"],
    ["@annually", "2027-01-01T00:00:00.000Z"],
  ])("understands the macro %s", (macro, next) => {
    expect(parseCron(macro).nextAfter(at("2026-03-01T10:30:00Z")).toISOString()).toBe(next);
  });

  it("evaluates in UTC, whatever the daylight saving rules of a place", () => {
    // Europe and the US switch clocks around these dates; a UTC daily cron does not move.
    const fires = firesBetween(
      parseCron("0 2 * * *"),
      at("2026-03-07T00:00:00Z"),
      at("2026-03-31T00:00:00Z"),
    );
    expect(new Set(fires.map((f) => f.getUTCHours()))).toEqual(new Set([2]));
    expect(fires).toHaveLength(24);
  });

  it("finds the latest fire at or before a time", () => {
    const cron = parseCron("0 * * * *");
    expect(cron.latestAtOrBefore(at("2026-03-01T12:00:00Z")).toISOString()).toBe("2026-03-01T12:00:00.000Z");
    expect(cron.latestAtOrBefore(at("2026-03-01T12:59:59Z")).toISOString()).toBe("2026-03-01T12:00:00.000Z");
  });

  it("rejects six-field expressions and nonsense", () => {
    expect(() => parseCron("0 0 * * * *")).toThrow(/5 fields/);
    expect(() => parseCron("@sometimes")).toThrow();
    expect(() => parseCron("61 * * * *")).toThrow();
  });
});
