import { Cron } from "croner";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { cronFieldsProblem } from "../../src/descriptor/cron-fields.js";

describe("cron field checks (no cron library at validation)", () => {
  test.each([
    ["0 3 * * *", undefined],
    ["*/15 9-17 * * 1-5", undefined],
    ["0 0 1,15 jan,jul sun", undefined],
    ["0 0 ? * 7", undefined],
    ["61 * * * *", "Invalid value for minute: 61"],
    ["0 24 * * *", "Invalid value for hour: 24"],
    ["0 0 0 * *", "Invalid value for day of month: 0"],
    ["0 0 * 13 *", "Invalid value for month: 13"],
    ["0 0 * * 8", "Invalid value for day of week: 8"],
    ["*/0 * * * *", "Invalid step for minute: 0"],
    ["0 9-5 * * *", "Invalid range for hour: 9-5"],
  ])("%s", (expression, problem) => {
    expect(cronFieldsProblem(expression.split(" "))).toBe(problem);
  });

  test("agrees with croner on what is a valid five-field schedule", () => {
    const item = fc.oneof(
      fc.constant("*"),
      fc.integer({ min: 0, max: 70 }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([a, b]) => `${a}-${b}`),
      fc.tuple(fc.constantFrom("*", "1-20"), fc.integer({ min: 0, max: 9 })).map(([r, s]) => `${r}/${s}`),
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 5, maxLength: 5 }), (fields) => {
        let croner = true;
        try {
          new Cron(fields.join(" "), { timezone: "UTC" });
        } catch {
          croner = false;
        }
        expect(cronFieldsProblem(fields) === undefined).toBe(croner);
      }),
      { numRuns: 400, seed: 20261202 },
    );
  });
});
