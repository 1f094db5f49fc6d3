import { describe, expect, test } from "vitest";
import { checkScheduling } from "../../src/descriptor/check-scheduling.js";

describe("checkScheduling", () => {
  test.each([
    "single_run",
    "*/1 * * * *",
    "0 3 * * *",
    "*/15 0-6 1,15 * mon-fri",
    "30 2 * JAN,JUL SUN",
    "@daily",
    "@hourly",
    "@weekly",
    "@monthly",
    "@yearly",
    "@annually",
    "@midnight",
  ])("accepts %s", (schedule) => {
    expect(checkScheduling(schedule)).toBeUndefined();
  });

  test.each([
    ["61 * * * *", "Invalid value for minute: 61"],
    ["* * *", "5 fields"],
    ["0 0 * * * *", "got 6"],
    ["@reboot", "unknown schedule macro"],
    ["0 0 L * *", "may only hold numbers"],
    ["0 0 * foo *", "may only hold numbers"],
    ["daily", "got 1"],
  ])("rejects %s", (schedule, reason) => {
    expect(checkScheduling(schedule)).toContain(reason);
  });
});
