// Guards the detector's quality, not its speed: the scores `npm run bench:quality` reports must not
// slide. Synthetic suite (seeded) and the labelled public series kept in bench/data/changepoints.
import { describe, expect, test } from "vitest";
import { groups, METHODS, scoreMethod } from "../../bench/suites/detection-quality.js";

const method = (name: string) => METHODS.find((m) => m.name === name)!;
const group = (name: string) => groups().find(([g]) => g === name)![1];

describe("change-point quality", () => {
  test("on the synthetic suite the detector beats asv's step fit with almost no false alarm", () => {
    const set = group("synthetic (all)");
    const maat = scoreMethod(method("maat detect"), set);
    const asv = scoreMethod(method("asv step fit"), set);
    expect(maat.f1).toBeGreaterThanOrEqual(0.85);
    expect(maat.f1).toBeGreaterThan(asv.f1);
    expect(maat.falseAlarmsPer1k).toBeLessThanOrEqual(0.1);
  });

  test("on labelled software-performance histories it beats asv's step fit with fewer false alarms", () => {
    const set = group("real software_performance");
    const maat = scoreMethod(method("maat detect"), set);
    const asv = scoreMethod(method("asv step fit"), set);
    expect(maat.f1).toBeGreaterThanOrEqual(asv.f1);
    expect(maat.f1).toBeGreaterThanOrEqual(0.75);
    expect(maat.falseAlarmsPer1k).toBeLessThan(asv.falseAlarmsPer1k);
  });

  test("the gate replays quietly and quickly: F1 >= 0.5, <= 1 false alarm per 1,000 stable points", () => {
    for (const name of ["synthetic (all)", "real software_performance"]) {
      const score = scoreMethod(method("maat gate (default)"), group(name));
      expect(score.f1).toBeGreaterThanOrEqual(0.5);
      expect(score.falseAlarmsPer1k).toBeLessThanOrEqual(1);
      expect(score.meanDelay!).toBeLessThanOrEqual(5);
    }
  });
});
