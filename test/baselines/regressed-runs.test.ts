import { describe, expect, it } from "vitest";
import { emptyBaseline, foldIntoBaseline } from "../../src/baselines/fold.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import { parseBaseline } from "../../src/baselines/parse.js";
import { metricHistory, resetBaseline } from "../../src/baselines/reset.js";
import { serializeBaseline } from "../../src/baselines/serialize.js";
import type { Baseline } from "../../src/baselines/types.js";
import { makeReceipt } from "../fixtures/receipts/make-receipt.js";

/** A baseline with runs 0-4 at level 1000 and runs 5-7 at 900, the latter folded as regressions. */
function baselineWithRegression(): Baseline {
  let baseline: Baseline | undefined;
  for (let i = 0; i < 8; i++) {
    const level = i < 5 ? 1000 : 900;
    const receipt = makeReceipt({
      resultId: `resnet50-training/run-${i}`,
      commit: `${i}`.repeat(7),
      startedAt: `2026-10-0${i + 1}T03:00:00.000Z`,
      values: { throughput: [level, level + 1, level - 1], epoch_time: [60, 60, 60] },
    });
    const regressions = new Map(i < 5 ? [] : [[receipt.resultId, ["throughput"]]]);
    baseline = foldIntoBaseline(
      baseline ?? emptyBaseline(receipt.benchmark.id, hardwareKey(receipt)),
      receipt,
      {
        regressions,
      },
    ).baseline;
  }
  return baseline!;
}

describe("runs folded as regressions", () => {
  it("stay in the history but out of the level a comparison uses", () => {
    const baseline = baselineWithRegression();
    expect(baseline.runs.map((r) => r.regressed ?? [])).toEqual([
      [],
      [],
      [],
      [],
      [],
      ["throughput"],
      ["throughput"],
      ["throughput"],
    ]);
    expect(metricHistory(baseline, "throughput").runs).toHaveLength(5);
    expect(metricHistory(baseline, "throughput", { includeRegressed: true }).runs).toHaveLength(8);
    expect(metricHistory(baseline, "epoch_time").runs).toHaveLength(8);
  });

  it("count again once a maintainer accepts the new level", () => {
    const accepted = resetBaseline(baselineWithRegression(), {
      metric: "throughput",
      fromCommit: "5555555",
      by: "maintainer",
      reason: "smaller batch is the new default",
      date: "2026-10-20T00:00:00.000Z",
    });
    const runs = metricHistory(accepted, "throughput").runs;
    expect(runs.map((r) => r.summary.mean)).toEqual([900, 900, 900]);
  });

  it("keep their flag through a write and a read", () => {
    const baseline = baselineWithRegression();
    const text = serializeBaseline(baseline);
    expect(text).toContain('"regressed":["throughput"]');
    expect(parseBaseline(text, "b.json")).toEqual(baseline);
  });
});
