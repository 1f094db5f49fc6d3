import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { receiptProblems } from "../../src/results/receipt-validation.js";
import {
  makeProject,
  minimalDescriptor as minimal,
  repoRoot,
  cli as runMaat,
  writeDescriptor,
} from "./harness.js";

const cli = (cwd: string, ...argv: string[]) => runMaat(cwd, argv);

const exec = promisify(execFile);

describe("maat run", () => {
  it("runs hello-world and writes a receipt that validates against its schema", async () => {
    const dir = makeProject();
    const { code, out, err } = await cli(
      dir,
      "run",
      "benchmarks/hello-world",
      "--repetitions",
      "2",
      "--json",
    );
    expect(code, err).toBe(0);
    const result = JSON.parse(out);
    expect(result.runs).toHaveLength(1);
    const receipt = JSON.parse(readFileSync(path.join(dir, result.runs[0].receipt), "utf8"));
    expect(receiptProblems(receipt)).toEqual([]);
    expect(receipt.status).toBe("succeeded");
    expect(receipt.repetitions.filter((r: { warmup: boolean }) => !r.warmup)).toHaveLength(2);
    expect(receipt.metrics.ops_per_second.n).toBe(2);
    expect(receipt.metrics.duration_ms.n).toBe(2);
    expect(receipt.notes.join(" ")).toContain("docker_image is recorded, not used");
    expect(err).toMatch(/hello-world: repetition 2\/2 succeeded in .* \(elapsed .*\)/);
  });

  it("exits 1 and records the failure when the benchmark exits non-zero", async () => {
    const dir = makeProject();
    writeDescriptor(dir, "broken", minimal("echo speed=1; exit 3"));
    const { code, out } = await cli(dir, "run", "benchmarks/broken", "--json");
    expect(code).toBe(1);
    const run = JSON.parse(out).runs[0];
    expect(run.status).toBe("failed");
    expect(run.reason).toMatch(/repetition 1: .*code 3/);
    const receipt = JSON.parse(readFileSync(path.join(dir, run.receipt), "utf8"));
    expect(receiptProblems(receipt)).toEqual([]);
  });

  it("fails a run whose declared metric never appears, instead of recording a zero", async () => {
    const dir = makeProject();
    writeDescriptor(dir, "silent", minimal("echo nothing to see"));
    const { code, out } = await cli(dir, "run", "benchmarks/silent", "--json");
    expect(code).toBe(1);
    const run = JSON.parse(out).runs[0];
    expect(run.reason).toBe("declared metric(s) never produced a value: speed");
    expect(run.metrics.speed).toMatchObject({
      n: 0,
      mean: null,
      problems: [{ repetition: 1, problem: "missing" }],
    });
  });

  it("records a time-out with the limit given on the command line", async () => {
    const dir = makeProject();
    writeDescriptor(dir, "slow", minimal("sleep 30"));
    const { code, out } = await cli(dir, "run", "benchmarks/slow", "--timeout", "1s", "--json");
    expect(code).toBe(1);
    expect(JSON.parse(out).runs[0].status).toBe("timed_out");
  });

  it("refuses to run anything when one descriptor is invalid, naming file, line and field", async () => {
    const dir = makeProject();
    writeDescriptor(
      dir,
      "typo",
      minimal("true").replace('strategy = "single_node"', 'strategy = "single_nod"'),
    );
    const { code, err } = await cli(dir, "run");
    expect(code).toBe(2);
    expect(err).toContain("benchmarks/typo/descriptor.toml:7:12: hardware.strategy");
    expect(err).toContain('did you mean "single_node"');
  });

  it("rejects a bad flag value with a usage error", async () => {
    const dir = makeProject();
    const { code, err } = await cli(dir, "run", "--repetitions", "0");
    expect(code).toBe(2);
    expect(err).toContain("--repetitions must be a whole number >= 1");
  });

  it("lists and shows receipts afterwards", async () => {
    const dir = makeProject();
    await cli(dir, "run", "benchmarks/hello-world", "--repetitions", "1", "--warmup", "0", "--quiet");
    const list = await cli(dir, "results", "list", "--json");
    const [listed] = JSON.parse(list.out).results;
    expect(JSON.parse(list.out).results).toHaveLength(1);
    expect(listed.file).toMatch(/^\.maat\/results\/hello-world\/\d{8}T\d{9}Z-nogit\.json$/);
    const table = await cli(dir, "results", "list");
    expect(table.out).toContain(listed.file);
    const show = await cli(dir, "results", "show", "hello-world");
    expect(show.code).toBe(0);
    expect(show.out).toContain("ops_per_second");
  });
});

describe("the bundled CLI", () => {
  it("prints help with every command and exits 0", async () => {
    const { stdout } = await exec(process.execPath, [path.join(repoRoot, "dist/cli.js"), "--help"]);
    for (const command of ["validate", "run", "results"]) expect(stdout).toContain(`  ${command}`);
  });

  it("validates without loading node:fs/promises, node:v8 or the stream modules", async () => {
    const dir = makeProject();
    const preload = path.join(dir, "loaded.cjs");
    const list = path.join(dir, "loaded.txt");
    writeFileSync(
      preload,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join("\\n")));`,
    );
    await exec(process.execPath, ["-r", preload, path.join(repoRoot, "dist/cli.js"), "validate"], {
      cwd: dir,
    });
    const loaded = readFileSync(list, "utf8").split("\n");
    expect(loaded).toContain("NativeModule fs");
    expect(
      loaded.filter((name) => /fs\/promises|readline|NativeModule v8$|NativeModule stream$/.test(name)),
    ).toEqual([]);
  });

  it("reports a command's error as the user's to fix, though the command is bundled apart", async () => {
    const dir = makeProject();
    const failed = await exec(
      process.execPath,
      [path.join(repoRoot, "dist/cli.js"), "validate", "missing.toml"],
      {
        cwd: dir,
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect("code" in failed && failed.code).toBe(2);
    expect(failed.stderr).toBe(
      "maat: missing.toml does not exist\n  hint: pass descriptor files or folders that hold them (default: benchmarks/)\n",
    );
  });
});
