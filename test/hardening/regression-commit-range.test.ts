import { describe, expect, it } from "vitest";
import { foldIntoBaseline } from "../../src/baselines/fold.js";
import { baselineStore } from "../../src/baselines/store.js";
import { compareReceipts } from "../../src/compare/compare-receipts.js";
import { regressionFindings } from "../../src/workflow/regression-findings.js";
import { baselineOf, candidateAt, steadyReceipts } from "../compare/history.js";
import { makeReceipt } from "../fixtures/receipts/make-receipt.js";

// Issue 10, item 17: the range must include the culprit, the commit of the first regressed run.
describe("the commit range of a regression issue", () => {
  it("starts at the last healthy run, not at a regressed run already folded into the history", () => {
    const history = steadyReceipts(12);
    const lastHealthy = history.at(-1)!.source.commit!;
    const firstRegressed = makeReceipt({
      resultId: "resnet50-training/2024-05-20-first-regressed",
      commit: `c1c1c1c${"0".repeat(33)}`,
      startedAt: "2024-05-20T03:00:00.000Z",
      values: { throughput: [2272, 2270, 2275, 2268, 2271], epoch_time: [450, 451, 449, 450, 452] },
    });
    const folded = foldIntoBaseline(baselineOf(history), firstRegressed, {
      regressions: new Map([[firstRegressed.resultId, ["throughput"]]]),
    }).baseline;
    expect(folded.runs.at(-1)!.regressed).toEqual(["throughput"]);
    const candidate = candidateAt(0.8);
    const store = baselineStore([folded]);
    const report = compareReceipts([candidate], store);
    const finding = regressionFindings(report, store, [candidate]).find((f) => f.metric === "throughput")!;
    expect(finding.state).not.toBe("healthy");
    expect(finding.commitRange).toBe(
      `${lastHealthy.slice(0, 12)}...${candidate.source.commit!.slice(0, 12)}`,
    );
  });
});
