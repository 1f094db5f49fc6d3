import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "../cli/harness.js";

// Issue 10, items 12 and 13: CRLF checkouts and files that are not what they seem.
const projects: string[] = [];
function project(): string {
  const dir = makeProject();
  projects.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

describe("CRLF line endings (Windows checkouts with autocrlf)", () => {
  it("are accepted in descriptors with comments", async () => {
    const dir = project();
    writeDescriptor(
      dir,
      "win",
      crlf(`# measured on Windows\n${minimalDescriptor("echo speed=5")}# the end\n`),
    );
    const { code, out, err } = await cli(dir, ["validate", "benchmarks/win"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("1 descriptor valid");
  });

  it("are accepted in maat.toml, and problems keep their line numbers", async () => {
    const dir = project();
    writeFileSync(path.join(dir, "maat.toml"), crlf("# fleet\n[baselines]\nmax_runs = 50 # keep\n"));
    writeDescriptor(dir, "win", minimalDescriptor("echo speed=5", "[run]\nrepetitions = 1\n"));
    const ok = await cli(dir, ["run", "benchmarks/win", "--quiet"]);
    expect(ok.err).not.toContain("maat.toml");
    expect(ok.code).toBe(0);
    writeFileSync(path.join(dir, "maat.toml"), crlf("# fleet\n[baselines]\nmax_rnus = 50\n"));
    const bad = await cli(dir, ["run", "benchmarks/win", "--quiet"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("maat.toml:3:1: baselines.max_rnus");
  });

  it("are read from benchmark output and emit files", async () => {
    const dir = project();
    writeDescriptor(
      dir,
      "win",
      minimalDescriptor(
        `printf 'speed=5\\r\\n'; printf '{"name":"extra","value":3}\\r\\n' >> "$MAAT_METRICS_FILE"`,
        "[run]\nrepetitions = 1\n",
      ).replace('pattern = "speed=([0-9.]+)"', 'pattern = "^speed=(.*)$"'),
    );
    const { code, out } = await cli(dir, ["run", "benchmarks/win", "--quiet", "--json"]);
    expect(code).toBe(0);
    const [run] = JSON.parse(out).runs;
    expect(run.metrics.speed.values).toEqual([5]);
    expect(run.metrics.extra.values).toEqual([3]);
  });
});

describe("file faults", () => {
  it("maat.toml that is a directory: exit 2 naming it, no stack", async () => {
    const dir = project();
    mkdirSync(path.join(dir, "maat.toml"));
    const { code, err } = await cli(dir, ["run", "benchmarks/hello-world", "--quiet"]);
    expect(code).toBe(2);
    expect(err).toContain("maat.toml");
    expect(err).toContain("is a directory");
    expect(err).not.toContain("    at ");
  });

  it("maat.toml that is a symlink loop or /dev/zero: exit 2 naming it", async () => {
    const dir = project();
    symlinkSync("maat.toml", path.join(dir, "maat.toml"));
    const loop = await cli(dir, ["run", "benchmarks/hello-world", "--quiet"]);
    expect(loop.code).toBe(2);
    expect(loop.err).toContain("symbolic link loop");
    rmSync(path.join(dir, "maat.toml"));
    symlinkSync("/dev/zero", path.join(dir, "maat.toml"));
    const zero = await cli(dir, ["run", "benchmarks/hello-world", "--quiet"]);
    expect(zero.code).toBe(2);
    expect(zero.err).toContain("not a regular file");
  });

  it("a FIFO passed as a descriptor is refused at once instead of hanging", async () => {
    const dir = project();
    execFileSync("mkfifo", [path.join(dir, "benchmarks/fifo.toml")]);
    const { code, err } = await cli(dir, ["validate", "benchmarks/fifo.toml"]);
    expect(code).toBe(2);
    expect(err).toContain("FIFO");
  });

  it("an oversized descriptor is refused quickly with the limit named", async () => {
    const dir = project();
    writeDescriptor(
      dir,
      "big",
      minimalDescriptor("echo speed=1").replace(
        'description = "d"',
        `description = "${"x".repeat(10 << 20)}"`,
      ),
    );
    const { code, err } = await cli(dir, ["validate", "benchmarks/big"]);
    expect(code).toBe(2);
    expect(err).toContain("larger than 64 KiB");
  });

  it("a long one-line string under the cap gives a clear problem, not a stack overflow", async () => {
    const dir = project();
    writeDescriptor(
      dir,
      "long",
      minimalDescriptor("echo speed=1").replace(
        'description = "d"',
        `description = """\n${"x".repeat(60)}\n"""`.replace(
          "x".repeat(60),
          `${"y".repeat(60)}\n`.repeat(900),
        ),
      ),
    );
    const { err } = await cli(dir, ["validate", "benchmarks/long"]);
    expect(err).not.toContain("call stack");
  });

  it("--results-dir under a file: exit 2 naming the folder", async () => {
    const dir = project();
    writeFileSync(path.join(dir, "plain-file"), "x");
    const { code, err } = await cli(dir, [
      "run",
      "benchmarks/hello-world",
      "--quiet",
      "--results-dir",
      "plain-file/results",
    ]);
    expect(code).toBe(2);
    expect(err).toContain("plain-file/results cannot be created: a part of the path is a file");
    expect(readdirSync(dir)).not.toContain(".maat");
  });
});
