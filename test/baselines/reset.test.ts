import { describe, expect, it } from "vitest";
import { BaselineError } from "../../src/baselines/errors.js";
import { emptyBaseline, foldIntoBaseline } from "../../src/baselines/fold.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import { metricHistory, resetBaseline } from "../../src/baselines/reset.js";
import type { Baseline } from "../../src/baselines/types.js";
import { makeReceipt } from "../fixtures/receipts/make-receipt.js";

const commits = ["1111111aaaa", "2222222bbbb", "3333333cccc", "4444444dddd"];

function history(): Baseline {
  const first = makeReceipt();
  let baseline = emptyBaseline(first.benchmark.id, hardwareKey(first));
  commits.forEach((commit, i) => {
    const receipt = makeReceipt({ resultId: `r${i}`, commit, startedAt: `2024-05-0${i + 1}T03:00:00.000Z` });
    baseline = foldIntoBaseline(baseline, receipt).baseline;
  });
  return baseline;
}

const accepted = {
  by: "ada",
  reason: "new data loader is slower by design",
  date: "2024-05-02T12:00:00.000Z",
};

describe("resetBaseline and metricHistory", () => {
  it("without a reset, the history of a metric is every run that has it", () => {
    const { runs, reset } = metricHistory(history(), "throughput");
    expect(runs.map((r) => r.resultId)).toEqual(["r0", "r1", "r2", "r3"]);
    expect(reset).toBeUndefined();
  });

  it("cuts the history at the first run of the accepted commit, for that metric only", () => {
    const baseline = resetBaseline(history(), {
      metric: "throughput",
      fromCommit: "3333333cccc",
      ...accepted,
    });
    expect(baseline.resets).toHaveLength(1);
    expect(metricHistory(baseline, "throughput").runs.map((r) => r.resultId)).toEqual(["r2", "r3"]);
    expect(metricHistory(baseline, "epoch_time").runs).toHaveLength(4);
  });

  it("matches a short SHA against the full commit of a run", () => {
    const baseline = resetBaseline(history(), { metric: "throughput", fromCommit: "4444444", ...accepted });
    expect(metricHistory(baseline, "throughput").runs.map((r) => r.resultId)).toEqual(["r3"]);
  });

  it("keeps only runs dated after the reset when the commit has no run yet", () => {
    const baseline = resetBaseline(history(), {
      metric: "throughput",
      fromCommit: "9999999ffff",
      ...accepted,
    });
    expect(metricHistory(baseline, "throughput").runs.map((r) => r.resultId)).toEqual(["r2", "r3"]);
  });

  it("lets the latest reset of a metric win", () => {
    let baseline = resetBaseline(history(), { metric: "throughput", fromCommit: "2222222bbbb", ...accepted });
    baseline = resetBaseline(baseline, { metric: "throughput", fromCommit: "4444444dddd", ...accepted });
    expect(metricHistory(baseline, "throughput").runs.map((r) => r.resultId)).toEqual(["r3"]);
  });

  it("refuses a reset of a metric the baseline does not have, listing those it has", () => {
    expect(() => resetBaseline(history(), { metric: "latency", fromCommit: "1111111", ...accepted })).toThrow(
      BaselineError,
    );
    try {
      resetBaseline(history(), { metric: "latency", fromCommit: "1111111", ...accepted });
    } catch (error) {
      expect((error as BaselineError).hint).toBe("Metrics with a baseline: epoch_time, throughput.");
    }
  });
});
