import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "./harness.js";

const speed = minimalDescriptor("echo speed=$SPEED", "[run]\nrepetitions = 3\n");

/** A project whose baseline holds five runs of the speed benchmark at SPEED=100. */
async function projectWithBaseline(): Promise<string> {
  const dir = makeProject();
  writeDescriptor(dir, "speed", speed);
  for (let i = 0; i < 5; i++) {
    const run = await cli(dir, ["run", "benchmarks/speed", "--quiet", "--results-dir", ".maat/history"], {
      SPEED: "100",
    });
    expect(run.code, run.err).toBe(0);
  }
  expect((await cli(dir, ["baseline", "update", ".maat/history"])).code).toBe(0);
  return dir;
}

describe("confirming a suspect result before the verdict", () => {
  it("runs more repetitions of a benchmark that looks regressed and merges them into one receipt", async () => {
    const dir = await projectWithBaseline();
    const { code, out, err } = await cli(
      dir,
      ["run", "benchmarks/speed", "--confirm", "4", "--quiet", "--json"],
      {
        SPEED: "80",
      },
    );
    expect(code, err).toBe(0);
    expect(err).toContain("speed: speed looks changed; running 4 more repetition(s) to confirm");
    const run = JSON.parse(out).runs[0];
    expect(run.metrics.speed.n).toBe(7);
    const receipts = readdirSync(path.join(dir, ".maat/results/speed")).filter((f) => f.endsWith(".json"));
    expect(receipts).toHaveLength(1);

    const compared = await cli(dir, ["compare", ".maat/results", "--json"]);
    expect(compared.code).toBe(1);
    expect(JSON.parse(compared.out).totals.regressions).toBe(1);
  });

  it("leaves an unchanged result alone", async () => {
    const dir = await projectWithBaseline();
    const { code, out, err } = await cli(
      dir,
      ["run", "benchmarks/speed", "--confirm", "4", "--quiet", "--json"],
      {
        SPEED: "100",
      },
    );
    expect(code, err).toBe(0);
    expect(err).not.toContain("to confirm");
    expect(JSON.parse(out).runs[0].metrics.speed.n).toBe(3);
  });
});
