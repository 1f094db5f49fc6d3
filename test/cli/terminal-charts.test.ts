import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { SPARKLINE_WIDTH, sparkline, trendSparkline } from "../../src/cli/sparkline.js";
import { cli, makeProject } from "./harness.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BARS = "▁▂▃▄▅▆▇█";

describe("sparklines", () => {
  it("draw one bar per value, newest last, lowest to highest", () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe(BARS);
    expect(sparkline([])).toBe("");
    expect(sparkline([1, Number.NaN, 3])).toBe("▁ █");
    expect(sparkline(Array.from({ length: 50 }, (_, i) => i))).toHaveLength(SPARKLINE_WIDTH);
  });

  it("show where this run lands against the history, on one scale", () => {
    expect(trendSparkline([100, 101, 100, 101], 90)).toBe("████│▁");
    expect(trendSparkline([100, 101, 100, 101], 120)).toMatch(/^[▁▂]{4}│█$/);
    expect(trendSparkline([], 90)).toBe("");
    expect(trendSparkline([1, 2], undefined)).toBe("▁█");
  });
});

describe("maat results show and maat compare in a terminal", () => {
  it("print each metric's repetitions and recent runs, and each comparison's trend", async () => {
    const dir = makeProject();
    dirs.push(dir);
    const run = (...extra: string[]) =>
      cli(dir, ["run", "benchmarks/hello-world", "--quiet", "--repetitions", "3", "--warmup", "0", ...extra]);
    for (let i = 0; i < 3; i++) expect((await run("--results-dir", ".maat/history")).code).toBe(0);
    expect((await cli(dir, ["baseline", "update", ".maat/history"])).code).toBe(0);

    const shown = await cli(dir, ["results", "show", "hello-world", "--results-dir", ".maat/history"]);
    expect(shown.code, shown.err).toBe(0);
    const header = shown.out.split("\n").find((line) => line.startsWith("metric"))!;
    expect(header).toMatch(/repetitions\s+recent runs\s+problems/);
    const row = shown.out.split("\n").find((line) => line.startsWith("ops_per_second"))!;
    expect(row).toMatch(new RegExp(`\\s[${BARS}]{3}\\s+[${BARS}]{3}\\s*$`));

    expect((await run()).code).toBe(0);
    const compared = await cli(dir, ["compare", ".maat/results", "--no-fail-on-regression"]);
    expect(compared.code, compared.err).toBe(0);
    const lines = compared.out.split("\n");
    expect(lines[0]).toMatch(/Detects\s+Trend$/);
    // The table runs from the header to the first blank line; notes on verdicts follow it.
    const rows = lines.slice(2, lines.indexOf(""));
    expect(rows.length).toBeGreaterThan(0);
    for (const line of rows) expect(line).toMatch(new RegExp(`\\s[${BARS}]{3}│[${BARS}]$`));
  });
});
