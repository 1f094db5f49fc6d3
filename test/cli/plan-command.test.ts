import { describe, expect, it } from "vitest";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "./harness.js";

function project(): string {
  const dir = makeProject();
  writeDescriptor(dir, "speed", minimalDescriptor("echo speed=1"));
  writeDescriptor(
    dir,
    "nightly",
    minimalDescriptor("echo speed=1").replace(
      'description = "d"',
      'description = "d"\nscheduling = "@daily"',
    ),
  );
  return dir;
}

describe("maat plan", () => {
  it("plans the benchmarks a change touches, with runners and reasons", async () => {
    const { code, out } = await cli(project(), [
      "plan",
      "--files",
      "benchmarks/speed/descriptor.toml",
      "--json",
    ]);
    expect(code).toBe(0);
    const { plan, matrix } = JSON.parse(out);
    expect(plan.entries.map((e: { benchmark: string }) => e.benchmark)).toEqual(["speed"]);
    expect(matrix.include[0]["runs-on"]).toEqual(["self-hosted", "linux"]);
  });

  it("plans a scheduled descriptor whose cron fired since the last run", async () => {
    const { out } = await cli(project(), [
      "plan",
      "--schedule",
      "0 * * * *",
      "--last-run",
      "2026-11-23T23:00:00Z",
      "--now",
      "2026-11-24T00:05:00Z",
      "--json",
    ]);
    expect(JSON.parse(out).plan.entries.map((e: { benchmark: string }) => e.benchmark)).toEqual(["nightly"]);
  });

  it("prints the human summary by default", async () => {
    const { out } = await cli(project(), ["plan", "--dispatch", "all"]);
    expect(out).toContain("3 benchmarks to run");
    expect(out).toMatch(/`hello-world`.*`nightly`.*`speed`/s);
  });

  it("rejects a date it cannot read", async () => {
    const { code, err } = await cli(project(), ["plan", "--schedule", "@hourly", "--now", "yesterday"]);
    expect(code).toBe(2);
    expect(err).toContain("--now must be a date and time");
  });
});
