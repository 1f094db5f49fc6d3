import { describe, expect, it } from "vitest";
import { classifyCapturedText, classifyEmittedValue } from "../../src/metrics/classify-value.js";

describe("classifyCapturedText", () => {
  it("reads plain, signed and exponent numbers", () => {
    expect(classifyCapturedText("0.25")).toEqual({ value: 0.25 });
    expect(classifyCapturedText("-3")).toEqual({ value: -3 });
    expect(classifyCapturedText("1e-3")).toEqual({ value: 0.001 });
    expect(classifyCapturedText("0")).toEqual({ value: 0 });
  });

  it("reports Python and JavaScript spellings of NaN and infinity as problems", () => {
    expect(classifyCapturedText("nan")).toMatchObject({ problem: "nan" });
    expect(classifyCapturedText("NaN")).toMatchObject({ problem: "nan" });
    expect(classifyCapturedText("inf")).toMatchObject({ problem: "infinite" });
    expect(classifyCapturedText("-Infinity")).toMatchObject({ problem: "infinite" });
  });

  it("never turns empty or text captures into zero", () => {
    expect(classifyCapturedText("")).toMatchObject({ problem: "non_numeric" });
    expect(classifyCapturedText("  ")).toMatchObject({ problem: "non_numeric" });
    expect(classifyCapturedText("fast")).toEqual({ problem: "non_numeric", detail: '"fast"' });
  });
});

describe("classifyEmittedValue", () => {
  it("accepts numbers and the NaN and Infinity strings, nothing else", () => {
    expect(classifyEmittedValue(2)).toEqual({ value: 2 });
    expect(classifyEmittedValue("NaN")).toMatchObject({ problem: "nan" });
    expect(classifyEmittedValue("Infinity")).toMatchObject({ problem: "infinite" });
    expect(classifyEmittedValue("2")).toBeUndefined();
    expect(classifyEmittedValue(null)).toBeUndefined();
  });
});
