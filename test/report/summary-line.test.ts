import { describe, expect, it } from "vitest";
import { summaryLine } from "../../src/report/summary-line.js";
import { benchmark, metric, realisticComparison, reportOf } from "./fixtures.js";

describe("summaryLine", () => {
  it("counts regressions and the benchmarks they are in", () => {
    const report = reportOf([
      benchmark("a", [metric("latency", "regression"), metric("p99", "regression")]),
      benchmark("b", [metric("latency", "regression"), metric("memory", "unchanged")]),
      benchmark("c", [metric("latency", "unchanged")]),
    ]);
    expect(summaryLine(report)).toBe("❌ **3 regressions in 2 benchmarks**");
  });

  it("says there are no regressions, with the improvements", () => {
    const report = reportOf([
      ...["a", "b", "c", "d", "e"].map((id) => benchmark(id, [metric("latency", "unchanged")])),
      benchmark("f", [metric("latency", "improvement")]),
      benchmark("g", [metric("latency", "improvement")]),
    ]);
    expect(summaryLine(report)).toBe("✅ **No regressions in 7 benchmarks**, 2 improvements");
  });

  it("names failed runs, inconclusive metrics and benchmarks without a baseline", () => {
    const report = reportOf([
      benchmark("a", [metric("latency", "unchanged"), metric("p99", "inconclusive")]),
      benchmark("b", [metric("latency", "failed")], { status: "failed", statusReason: "exit 1" }),
      benchmark("c", [metric("latency", "no-baseline")], { baselineHardware: null }),
    ]);
    expect(summaryLine(report)).toBe(
      "❌ **No regressions in 2 benchmarks**, 1 benchmark failed, 1 inconclusive, 1 benchmark without a baseline yet",
    );
  });

  it("warns without failing when the only news is a missing baseline", () => {
    const report = reportOf([benchmark("a", [metric("latency", "no-baseline")], { baselineHardware: null })]);
    expect(summaryLine(report)).toBe(
      "⚠️ **No regressions in 1 benchmark**, 1 benchmark without a baseline yet",
    );
  });

  it("tells a new metric apart from a benchmark without any baseline", () => {
    const report = reportOf([
      benchmark("a", [metric("latency", "unchanged"), metric("tokens", "no-baseline")]),
    ]);
    expect(summaryLine(report)).toBe(
      "⚠️ **No regressions in 1 benchmark**, 1 new metric without a baseline yet",
    );
  });

  it("drops the bold for logs and outputs", () => {
    const report = reportOf([benchmark("a", [metric("latency", "regression")])]);
    expect(summaryLine(report, { markdown: false })).toBe("❌ 1 regression in 1 benchmark");
  });

  it("reads a real comparison: one regression, one failed run, one hardware without baseline", () => {
    const { report } = realisticComparison();
    expect(summaryLine(report)).toBe(
      "❌ **1 regression in 1 benchmark**, 1 benchmark failed, 1 benchmark without a baseline yet",
    );
  });

  it("says so when there was nothing to compare", () => {
    expect(summaryLine(reportOf([]))).toBe("⚠️ **No benchmarks to compare**");
  });
});
