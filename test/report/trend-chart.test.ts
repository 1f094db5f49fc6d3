import { describe, expect, it } from "vitest";
import { renderTrendChart } from "../../src/report/trend-chart.js";

const history = [2841, 2838, 2850, 2845, 2839].map((value, i) => ({ label: `c0mm1t${i}`, value }));
const current = { label: "9f3e2ab", value: 2710 };

/** The series of a chart line such as `  line [1, 2, 3]`, as raw items. */
function series(chart: string, kind: "line" | "bar" | "x-axis"): string[] {
  const line = chart.split("\n").find((l) => l.trim().startsWith(`${kind} [`))!;
  return line
    .slice(line.indexOf("[") + 1, line.lastIndexOf("]"))
    .split(", ")
    .map((s) => s.trim());
}

describe("renderTrendChart", () => {
  it("writes a fenced Mermaid xychart-beta block with a title, axes and two series", () => {
    const chart = renderTrendChart("throughput", "images/sec", history, current);
    const lines = chart.split("\n");
    expect(lines[0]).toBe("```mermaid");
    expect(lines[1]).toBe("xychart-beta");
    expect(lines.at(-1)).toBe("```");
    expect(chart).toContain('  title "throughput: 5 baseline runs, then this run"');
    expect(chart).toMatch(/^ {2}y-axis "throughput \(images\/sec\)" \d+ --> \d+$/m);
  });

  it("puts the history and then this run on the line, as plain numbers", () => {
    const chart = renderTrendChart("throughput", "images/sec", history, current);
    const line = series(chart, "line");
    expect(line).toEqual(["2841", "2838", "2850", "2845", "2839", "2710"]);
    for (const item of [...line, ...series(chart, "bar")]) expect(item).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it("quotes every x-axis label and marks the last as this run", () => {
    const labels = series(renderTrendChart("throughput", "images/sec", history, current), "x-axis");
    expect(labels).toHaveLength(6);
    for (const label of labels) expect(label).toMatch(/^"[^"]*"$/);
    expect(labels.at(-1)).toBe('"9f3e2ab (this run)"');
  });

  it("marks this run with the only bar above the axis minimum", () => {
    const chart = renderTrendChart("throughput", "images/sec", history, current);
    const min = chart.match(/y-axis "[^"]*" (\S+) --> (\S+)/)!;
    const bars = series(chart, "bar").map(Number);
    expect(bars.slice(0, -1).every((b) => b === Number(min[1]))).toBe(true);
    expect(bars.at(-1)).toBe(2710);
  });

  it("pads the y-axis around the data and keeps positive data above zero", () => {
    const chart = renderTrendChart("throughput", "images/sec", history, current);
    const [, low, high] = chart.match(/y-axis "[^"]*" (\S+) --> (\S+)/)!.map(Number);
    expect(low).toBeLessThan(2710);
    expect(low).toBeGreaterThan(2600);
    expect(high).toBeGreaterThan(2850);
    expect(high).toBeLessThan(2950);
    const flat = renderTrendChart("loss", "", [{ label: "a", value: 0.01 }], { label: "b", value: 0.01 });
    const [, flatLow, flatHigh] = flat.match(/y-axis "[^"]*" (\S+) --> (\S+)/)!.map(Number);
    expect(flatLow).toBeGreaterThanOrEqual(0);
    expect(flatLow).toBeLessThan(0.01);
    expect(flatHigh).toBeGreaterThan(0.01);
  });

  it("writes tiny and huge values without exponents", () => {
    const chart = renderTrendChart("error", "", [{ label: "a", value: 1.5e-7 }], { label: "b", value: 2e-7 });
    expect(chart).not.toMatch(/\de[-+]?\d/i);
    expect(series(chart, "line")).toEqual(["0.00000015", "0.0000002"]);
    const big = renderTrendChart("bytes", "", [{ label: "a", value: 3e22 }], { label: "b", value: 4e22 });
    expect(big).not.toMatch(/\de[-+]?\d/i);
  });

  it("strips quotes and other Mermaid syntax from labels and titles", () => {
    const chart = renderTrendChart('p50 "latency"; #1', "ms", [{ label: 'v1."2"', value: 1 }], {
      label: "x]y",
      value: 2,
    });
    expect(chart).toContain('title "p50 latency 1: 1 baseline run, then this run"');
    expect(series(chart, "x-axis")).toEqual(['"v1.2"', '"xy (this run)"']);
  });

  it("gives repeated labels a suffix, since the category axis would merge them", () => {
    const chart = renderTrendChart(
      "t",
      "",
      [
        { label: "abc", value: 1 },
        { label: "abc", value: 2 },
      ],
      {
        label: "d",
        value: 3,
      },
    );
    expect(series(chart, "x-axis")).toEqual(['"abc"', '"abc (2)"', '"d (this run)"']);
  });
});
