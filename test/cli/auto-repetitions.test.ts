import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "./harness.js";

const auto = (precision: number, cap: number) =>
  `[run]\nrepetitions = "auto"\ntarget_precision = ${precision}\nmax_repetitions = ${cap}\n`;

async function runAuto(command: string, precision: number, cap: number) {
  const dir = makeProject();
  writeDescriptor(dir, "auto", minimalDescriptor(command, auto(precision, cap)));
  const { code, out, err } = await cli(dir, ["run", "benchmarks/auto", "--quiet", "--json"]);
  expect(code, err).toBe(0);
  const run = JSON.parse(out).runs[0];
  return JSON.parse(readFileSync(path.join(dir, run.receipt), "utf8"));
}

describe('repetitions = "auto"', () => {
  it("stops as soon as every metric's confidence interval is within the target precision", async () => {
    const receipt = await runAuto("echo speed=100", 0.05, 10);
    expect(receipt.metrics.speed.n).toBe(3);
    expect(receipt.settings.repetitions).toBe("auto");
    expect(receipt.stopReason).toMatch(
      /^precision target 5\.00% reached after 3 repetitions \(speed ±0\.00%\)$/,
    );
  });

  it("stops at the cap when the noise never allows that precision, and says so", async () => {
    const receipt = await runAuto(`node -e "console.log('speed=' + (1 + Math.random() * 100))"`, 0.001, 4);
    expect(receipt.metrics.speed.n).toBe(4);
    expect(receipt.stopReason).toBe("cap of 4 repetitions reached before 0.1% precision");
  });
});
