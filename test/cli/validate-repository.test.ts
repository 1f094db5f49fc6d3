import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, minimalDescriptor, writeDescriptor } from "./harness.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository (a .git folder) with one valid descriptor, benchmarks/speed. */
function repository(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "maat-validate-repo-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, ".git"));
  writeDescriptor(dir, "speed", minimalDescriptor("echo speed=1"));
  return dir;
}

const scheduled = (cron: string) =>
  minimalDescriptor("echo speed=1").replace('description = "d"', `description = "d"\nscheduling = "${cron}"`);

function workflow(dir: string, name: string, cron: string | undefined, command = "plan"): void {
  mkdirSync(path.join(dir, ".github/workflows"), { recursive: true });
  const on = cron === undefined ? "on: [pull_request]" : `on:\n  schedule:\n    - cron: "${cron}"`;
  const steps = `      - uses: maat-dev/maat@v0\n        with:\n          command: ${command}`;
  writeFileSync(
    path.join(dir, ".github/workflows", name),
    `name: b\n${on}\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n${steps}\n`,
  );
}

describe("maat validate: paths as typed", () => {
  it("names a missing file exactly as typed", async () => {
    const { code, err } = await cli(repository(), ["validate", "/nonexistent/descriptor.toml"]);
    expect(code).toBe(2);
    expect(err).toContain("maat: /nonexistent/descriptor.toml does not exist");
  });

  it("shows files outside the working folder as typed, and files found in a folder under it", async () => {
    const dir = repository();
    writeDescriptor(dir, "bad", minimalDescriptor("x").replace('"single_node"', '"horovd"'));
    const cwd = path.join(dir, "benchmarks/speed");
    const relative = await cli(cwd, ["validate", "../bad/descriptor.toml"]);
    expect(relative.err).toMatch(/^\.\.\/bad\/descriptor\.toml:7:12: hardware\.strategy/);
    const absolute = await cli(cwd, ["validate", path.join(dir, "benchmarks")]);
    expect(absolute.err).toMatch(new RegExp(`^${path.join(dir, "benchmarks/bad/descriptor.toml")}:7:12: `));
  });

  it("names the character a non-TOML file trips on", async () => {
    const dir = repository();
    writeFileSync(path.join(dir, "package.json"), '{"name": "x"}\n');
    const { code, err } = await cli(dir, ["validate", "package.json"]);
    expect(code).toBe(2);
    expect(err).toContain('1:1: TOML syntax error: illegal character in key: "{" (U+007B)');
  });

  it("render: a folder is not a descriptor", async () => {
    const { code, err } = await cli(repository(), ["render", "benchmarks"]);
    expect(code).toBe(2);
    expect(err).toContain("maat: benchmarks is a folder; give a descriptor file");
  });
});

describe("maat validate: maat.toml", () => {
  it("fails when maat.toml is invalid, as maat run would, listing each problem", async () => {
    const dir = repository();
    writeFileSync(path.join(dir, "maat.toml"), '[runners]\ndefualt = ["x"]\n');
    const { code, out, err } = await cli(dir, ["validate"]);
    expect(code).toBe(2);
    expect(err).toContain("maat.toml:2:1: runners.defualt: unknown key `defualt` (did you mean `default`?)");
    expect(out).toBe("1 descriptor valid, 0 invalid; maat.toml invalid (1 problem)\n");
    expect((await cli(dir, ["run"])).code).toBe(2);
    const json = JSON.parse((await cli(dir, ["validate", "--json"])).out);
    expect(json.config).toMatchObject({ file: "maat.toml", valid: false });
  });

  it("says a valid maat.toml is valid", async () => {
    const dir = repository();
    writeFileSync(path.join(dir, "maat.toml"), '[runners]\ndefault = ["self-hosted", "gpu"]\n');
    const { code, out } = await cli(dir, ["validate"]);
    expect(code).toBe(0);
    expect(out).toBe("1 descriptor valid, 0 invalid; maat.toml valid\n");
  });
});

describe("maat validate: scheduled descriptors and the workflows' crons", () => {
  it("warns when a descriptor fires more often than the scheduled workflow wakes", async () => {
    const dir = repository();
    writeDescriptor(dir, "nightly", scheduled("*/15 * * * *"));
    workflow(dir, "scheduled.yml", "17 * * * *");
    const { code, out, err } = await cli(dir, ["validate"]);
    expect(code).toBe(0);
    expect(out).toBe("2 descriptors valid, 0 invalid (1 warning)\n");
    expect(err).toBe(
      "benchmarks/nightly/descriptor.toml:5:14: warning: info.scheduling: `*/15 * * * *` fires every 15 min, but the scheduled workflow (.github/workflows/scheduled.yml) wakes only every 60 min (`17 * * * *`): it runs once per wake-up, not at each fire; make the workflow's cron at least as frequent, or this one less\n",
    );
  });

  it("is quiet when the workflow wakes often enough", async () => {
    const dir = repository();
    writeDescriptor(dir, "nightly", scheduled("0 3 * * *"));
    workflow(dir, "scheduled.yml", "17 * * * *");
    expect((await cli(dir, ["validate"])).err).toBe("");
  });

  it("warns when no workflow runs the plan on a schedule, and says nothing without workflows", async () => {
    const dir = repository();
    writeDescriptor(dir, "nightly", scheduled("@daily"));
    expect((await cli(dir, ["validate"])).err).toBe("");
    workflow(dir, "benchmarks.yml", undefined);
    workflow(dir, "other.yml", "0 * * * *", "report");
    expect((await cli(dir, ["validate"])).err).toContain(
      "warning: info.scheduling: `@daily` is a cron, but no workflow in .github/workflows runs Maat's plan on a schedule, so it never runs on its own",
    );
  });
});
