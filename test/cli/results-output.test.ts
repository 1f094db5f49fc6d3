import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "./harness.js";

let dir: string;
let run: Awaited<ReturnType<typeof cli>>;
beforeAll(async () => {
  dir = makeProject();
  writeDescriptor(dir, "speed", minimalDescriptor("echo speed=1"));
  run = await cli(dir, ["run", "benchmarks/speed", "--repetitions", "2", "--warmup", "0", "--quiet"]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("maat run's summary", () => {
  it("labels the spread as the standard deviation over the mean", () => {
    expect(run.code, run.err).toBe(0);
    const [header, row] = run.out.split("\n").filter((line) => /^(metric|speed) /.test(line));
    expect(header).toMatch(/^metric\s+mean\s+spread \(sd\/mean\)\s+unit\s+n\s+better/);
    expect(row).toMatch(/^speed\s+1\s+±0\.0%\s+ops\/s\s+2\s+higher is better$/);
  });
});

describe("maat results list --benchmark", () => {
  it("says a benchmark has no receipts and lists the ones that do", async () => {
    const { code, out } = await cli(dir, ["results", "list", "--benchmark", "nope"]);
    expect(code).toBe(0);
    expect(out).toBe('No receipts of benchmark "nope" in .maat/results.\nBenchmarks with receipts: speed.\n');
  });

  it("suggests the benchmark meant", async () => {
    const { out } = await cli(dir, ["results", "list", "--benchmark", "sped"]);
    expect(out).toContain('No receipts of benchmark "sped" in .maat/results. Did you mean "speed"?');
  });

  it("lists the receipts of a benchmark that has some", async () => {
    const { out } = await cli(dir, ["results", "list", "--benchmark", "speed"]);
    expect(out).toMatch(/^started \(UTC\)\s+benchmark\s+status/);
    expect(out).toContain(" speed ");
  });
});
