import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "./harness.js";

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = makeProject();
  projects.push(dir);
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

  it("prints a plan to read in a terminal: aligned columns, no Markdown or HTML", async () => {
    const { out } = await cli(project(), ["plan", "--files", "benchmarks/speed/descriptor.toml"]);
    expect(out).toBe(
      [
        "Plan for a pull request changing 1 file(s): 1 benchmark to run, 2 skipped.",
        "",
        "benchmark  descriptor                        runs on             backend  why",
        "speed      benchmarks/speed/descriptor.toml  self-hosted, linux  local    descriptor changed",
        "",
        "Skipped:",
        "benchmark    descriptor                              why not",
        "hello-world  benchmarks/hello-world/descriptor.toml  no changed file touches it (its descriptor, its folder or its run.watch globs)",
        "nightly      benchmarks/nightly/descriptor.toml      scheduled (@daily): runs on pull requests only when its own files change",
        "",
      ].join("\n"),
    );
  });

  it("prints the job summary's Markdown with --markdown", async () => {
    const { out } = await cli(project(), ["plan", "--dispatch", "all", "--markdown"]);
    expect(out).toContain("### Maat run plan: manual run");
    expect(out).toMatch(/`hello-world`.*`nightly`.*`speed`/s);
  });

  it("refuses flags of two events instead of dropping one", async () => {
    const { code, err } = await cli(project(), ["plan", "--files", "a", "--dispatch", "all"]);
    expect(code).toBe(2);
    expect(err).toContain("maat: plan: --files and --dispatch describe different events");
    expect((await cli(project(), ["plan", "--dispatch", "all", "--label", "x"])).err).toContain(
      "--label applies to a pull request (--base or --files) only",
    );
  });

  it("suggests a benchmark only when the name is close, else lists the ids", async () => {
    expect((await cli(project(), ["plan", "--dispatch", "sped"])).err).toContain(
      "`sped`: did you mean `speed`?",
    );
    const far = await cli(project(), ["plan", "--dispatch", "nope"]);
    expect(far.code).toBe(2);
    expect(far.err).toContain("`nope`: known ids are hello-world, nightly, speed");
    expect(far.err).not.toContain("did you mean");
  });

  it("says which uncommitted edits a plan from commits leaves out", async () => {
    const dir = project();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
        cwd: dir,
        stdio: "pipe",
      });
    rmSync(path.join(dir, ".git"), { recursive: true });
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    git("branch", "base");
    writeFileSync(path.join(dir, "benchmarks/speed/descriptor.toml"), minimalDescriptor("echo speed=2"));
    const { code, out, err } = await cli(dir, ["plan", "--base", "base"]);
    expect(code).toBe(0);
    expect(out).toContain("0 benchmarks to run");
    expect(err).toContain(
      "maat: note: 1 uncommitted change(s) are not in this plan (benchmarks/speed/descriptor.toml): it compares commits (base...HEAD)",
    );
  });

  it("notes a descriptor whose cron fires more often than the workflow's", async () => {
    const dir = project();
    writeDescriptor(
      dir,
      "often",
      minimalDescriptor("echo speed=1").replace(
        'description = "d"',
        'description = "d"\nscheduling = "*/5 * * * *"',
      ),
    );
    const { out } = await cli(dir, ["plan", "--schedule", "0 * * * *", "--now", "2026-11-24T00:05:00Z"]);
    expect(out).toContain(
      "note: often (*/5 * * * *) fires every 5 min, but the scheduled workflow wakes only every 60 min (0 * * * *): it runs once per wake-up",
    );
  });

  it("rejects a date it cannot read", async () => {
    const { code, err } = await cli(project(), ["plan", "--schedule", "@hourly", "--now", "yesterday"]);
    expect(code).toBe(2);
    expect(err).toContain("--now must be a date and time");
  });
});
