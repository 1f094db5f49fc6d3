import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { writeReceipt } from "../../src/results/receipt-store.js";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "../cli/harness.js";

// Issue 10, item 8: a value beyond the largest double must be a named problem, never a receipt
// that every reader rejects.
const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function runAndRead(
  command: string,
  extra = "",
): Promise<{ run: Record<string, unknown>; dir: string }> {
  const dir = makeProject();
  projects.push(dir);
  writeDescriptor(
    dir,
    "huge",
    minimalDescriptor(command, `[run]\nrepetitions = 2\n${extra}`).replace("([0-9.]+)", "(\\\\S+)"),
  );
  const { out } = await cli(dir, ["run", "benchmarks/huge", "--quiet", "--json"]);
  const [run] = JSON.parse(out).runs;
  // Every reader must accept what the run wrote.
  const list = await cli(dir, ["results", "list", "--json"]);
  expect(list.err).toBe("");
  expect(list.code).toBe(0);
  const compare = await cli(dir, ["compare", ".maat/results"]);
  expect(compare.err).not.toContain("not a valid result receipt");
  return { run, dir };
}

describe("non-finite metric values", () => {
  it("an emitted 1e999 is an infinite problem and the run fails with it named", async () => {
    const { run } = await runAndRead(`echo speed=1; echo 'maat:metric {"name":"speed","value":1e999}'`);
    expect(run.status).toBe("failed");
    expect(run.reason).toContain("speed");
    const speed = (run.metrics as Record<string, { problems: Array<{ problem: string }> }>).speed!;
    expect(speed.problems.map((p) => p.problem)).toEqual(["infinite", "infinite"]);
  });

  it("a sum over 1e308 twice is an infinite problem that says it overflowed", async () => {
    const descriptor = minimalDescriptor("echo speed=1e308; echo speed=1e308", "[run]\nrepetitions = 1\n")
      .replace('direction = "higher_is_better"', 'direction = "higher_is_better"\naggregate = "sum"')
      .replace("([0-9.]+)", "(\\\\S+)");
    const dir = makeProject();
    projects.push(dir);
    writeDescriptor(dir, "sum", descriptor);
    const { out } = await cli(dir, ["run", "benchmarks/sum", "--quiet", "--json"]);
    const speed = JSON.parse(out).runs[0].metrics.speed;
    expect(speed.problems[0]).toMatchObject({ problem: "infinite" });
    expect(speed.problems[0].detail).toContain("sum of the 2 values");
    expect((await cli(dir, ["results", "list"])).code).toBe(0);
  });

  it("values near the largest double keep a finite mean", async () => {
    const { run } = await runAndRead("echo speed=1.7e308");
    const speed = (run.metrics as Record<string, { mean: number; problems: unknown[] }>).speed!;
    expect(speed.mean).toBe(1.7e308);
    expect(speed.problems).toEqual([]);
  });

  it("the receipt writer refuses a receipt its readers would reject", async () => {
    await expect(writeReceipt("/tmp/never-written.json", { receiptVersion: 1 } as never)).rejects.toThrow(
      /readers would reject/,
    );
  });
});
