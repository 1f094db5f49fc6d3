import { describe, expect, it } from "vitest";
import { compareMetrics } from "../../src/stats/compare.js";
import { needsConfirmation } from "../../src/stats/confirmation.js";
import { type Scenario, seeded, simulateMetric } from "./simulation.js";

const scenario = (change: number): Scenario => ({
  shape: "normal",
  noise: 0.01,
  drift: 0.002,
  historyRuns: 30,
  repetitions: 2,
  change,
});

describe("suspicious results", () => {
  it("flags a large shift that only the false-discovery control holds back, so more repetitions can settle it", () => {
    const random = seeded(11);
    const inputs = [
      simulateMetric(random, scenario(0.1), "shifted"),
      ...Array.from({ length: 2000 }, (_, i) => simulateMetric(random, scenario(0), `steady-${i}`)),
    ];
    const [shifted] = compareMetrics(inputs);
    expect(shifted!.relativeChange).toBeGreaterThan(0.05);
    expect(shifted!.verdict).not.toBe("regression");
    expect(shifted!.suspicious).toBe(true);
    expect(needsConfirmation([shifted!])).toBe(true);
  });

  it("does not flag an unchanged metric", () => {
    const random = seeded(12);
    const [steady] = compareMetrics([simulateMetric(random, scenario(0))]);
    expect(steady!.verdict).toBe("unchanged");
    expect(steady!.suspicious).toBe(false);
  });
});
