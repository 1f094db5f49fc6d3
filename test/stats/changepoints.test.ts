import { describe, expect, test } from "vitest";
import { detectChangePoints, findOutliers, replayGate } from "../../src/stats/changepoints/index.js";
import { drawNoise, type NoiseShape, seeded } from "./simulation.js";

function noisySeries(
  seed: number,
  length: number,
  level: (i: number) => number,
  shape: NoiseShape = "normal",
  noise = 0.01,
) {
  const random = seeded(seed);
  return Array.from({ length }, (_, i) => level(i) * (1 + noise * drawNoise(random, shape)));
}

describe("detectChangePoints", () => {
  test.each([
    [0.05, 60, "normal"],
    [-0.1, 150, "heavy-tailed"],
    [0.03, 100, "bimodal"],
  ] as const)("finds a %f step at %i in %s noise within 3 points", (step, at, shape) => {
    const series = noisySeries(at, 300, (i) => (i >= at ? 100 * (1 + step) : 100), shape);
    const points = detectChangePoints(series, { direction: "lower_is_better" });
    expect(points).toHaveLength(1);
    expect(Math.abs(points[0]!.index - at)).toBeLessThanOrEqual(3);
    expect(points[0]!.relativeChange).toBeCloseTo(step, 1);
    expect(points[0]!.kind).toBe(step > 0 ? "regression" : "improvement");
  });

  test("finds two steps and reports a shift when the direction is unknown", () => {
    const series = noisySeries(5, 400, (i) => (i < 120 ? 100 : i < 260 ? 92 : 101));
    const points = detectChangePoints(series);
    expect(points.map((p) => p.index)).toEqual([120, 260]);
    expect(points.map((p) => p.kind)).toEqual(["shift", "shift"]);
    expect(points[1]!.before.n).toBe(140);
  });

  test("combines repetitions: each point is the median of its run", () => {
    const random = seeded(9);
    const series = Array.from({ length: 60 }, (_, i) =>
      [0, 1, 2].map(() => (i >= 30 ? 104 : 100) + drawNoise(random, "normal")),
    );
    series[10]![0] = 1000;
    expect(detectChangePoints(series).map((p) => p.index)).toEqual([30]);
  });

  test("gives nothing on a stable series", () => {
    for (const shape of ["normal", "log-normal", "heavy-tailed", "bimodal"] as const) {
      expect(detectChangePoints(noisySeries(11, 1000, () => 100, shape, 0.03))).toEqual([]);
    }
  });

  test("does not report a single spike that reverts, but lists it as an outlier", () => {
    const series = noisySeries(12, 200, () => 100);
    series[100] = 150;
    expect(detectChangePoints(series)).toEqual([]);
    expect(findOutliers(series).map((o) => o.index)).toEqual([100]);
  });

  test("does not call a step where only the mean moves: two wild points at the very end", () => {
    const series = noisySeries(15, 300, () => 100);
    series.push(100, 100, 100, 100, 100, 140, 145);
    expect(detectChangePoints(series)).toEqual([]);
  });

  test("does not cut a slow drift into steps", () => {
    // 3% over 500 runs; a faster drift does get cut into steps (docs/statistics.md, limits).
    expect(detectChangePoints(noisySeries(13, 500, (i) => 100 + i * 0.006))).toEqual([]);
  });

  test("is deterministic: the same series gives the same answer", () => {
    const series = noisySeries(14, 300, (i) => (i >= 150 ? 101.5 : 100), "heavy-tailed", 0.02);
    expect(detectChangePoints(series)).toEqual(detectChangePoints(series));
  });
});

describe("replayGate", () => {
  test("alerts once the change-point fit confirms a regression, at its fourth point", () => {
    const series = noisySeries(21, 120, (i) => (i >= 60 ? 90 : 100));
    const alerts = replayGate(series, { direction: "higher_is_better" });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ index: 63, kind: "regression" });
    expect(alerts[0]!.relativeChange).toBeCloseTo(-0.1, 1);
  });

  test("stays quiet on a slow drift the fit does not see as a step", () => {
    // 8% over 300 runs at 1% noise: the gate may flag points, the fit never confirms a step.
    expect(
      replayGate(
        noisySeries(23, 300, (i) => 100 * (1 + (0.08 * i) / 300)),
        { persistence: 50 },
      ),
    ).toEqual([]);
  });

  test("stays quiet on a spike that reverts and on a stable series", () => {
    const series = noisySeries(22, 150, () => 100);
    series[70] = 130;
    expect(replayGate(series, { direction: "lower_is_better" })).toEqual([]);
  });
});
