import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baselinePath, readBaselines } from "../../src/baselines/files.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import type { Baseline } from "../../src/baselines/types.js";
import { baselineCommand } from "../../src/cli/commands/baseline.js";
import type { MaatError } from "../../src/errors.js";
import { commandContext } from "../compare/command-context.js";
import { steadyReceipts } from "../compare/history.js";
import { loadReceiptFixture } from "../fixtures/receipts/make-receipt.js";

let cwd: string;
/** A commit of the test repository: `baseline accept --from-commit` checks that it exists. */
let commit: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "maat-baseline-cmd-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@t",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@t",
      },
    }).trim();
  git("init", "-q");
  git("commit", "-q", "--allow-empty", "-m", "start");
  commit = git("rev-parse", "HEAD");
  const results = join(cwd, ".maat/results");
  await mkdir(results, { recursive: true });
  for (const [i, receipt] of steadyReceipts(4).entries()) {
    await writeFile(join(results, `run-${i}.json`), JSON.stringify(receipt));
  }
  await writeFile(
    join(results, "failed.json"),
    JSON.stringify(loadReceiptFixture("resnet50-a100-failed.json")),
  );
  await writeFile(join(results, "index.json"), JSON.stringify({ note: "not a receipt, passed over" }));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function baseline(...argv: string[]) {
  const { context, output } = commandContext(cwd, argv, { USER: "grace" });
  const code = await baselineCommand.run(context);
  return { code, ...output() };
}

describe("maat baseline update", () => {
  it("folds the receipts of a folder, lists refused failed runs and still exits 0", async () => {
    const { code, stdout, stderr } = await baseline("update", ".maat/results");
    expect(code).toBe(0);
    expect(stdout).toContain("4 run(s) added, 1 refused; 1 file(s) written.");
    expect(stdout).toMatch(
      /added resnet50-training\/2024-04-01-0000000 to baselines\/resnet50-training\/.+\.json/,
    );
    expect(stderr).toContain("maat: refused result resnet50-training/20240614T030002Z-77aa0c1 failed:");
    const [stored] = await readBaselines(join(cwd, "baselines"), "resnet50-training");
    expect(stored!.runs).toHaveLength(4);
  });

  it("adds nothing the second time", async () => {
    await baseline("update", ".maat/results");
    const { stdout } = await baseline("update", ".maat/results");
    expect(stdout).toContain("0 run(s) added, 1 refused; 0 file(s) written.");
  });

  it("caps the history with --max-runs", async () => {
    const { stdout } = await baseline("update", ".maat/results", "--max-runs", "2");
    const [stored] = await readBaselines(join(cwd, "baselines"), "resnet50-training");
    expect(stored!.runs.map((r) => r.resultId.slice(-7))).toEqual(["0000002", "0000003"]);
    expect(stdout).toContain("2 run(s) added");
  });

  it("rejects a bad --max-runs with exit code 2", async () => {
    const error = (await baseline("update", ".maat/results", "--max-runs", "1.5").catch(
      (e) => e,
    )) as MaatError;
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('--max-runs must be a whole number, got "1.5"');
  });
});

describe("maat baseline show", () => {
  it("prints each metric's level and spread and the recent runs", async () => {
    await baseline("update", ".maat/results");
    const { code, stdout } = await baseline("show", "resnet50-training");
    expect(code).toBe(0);
    expect(stdout).toContain("resnet50-training on gpu-a100");
    expect(stdout).toMatch(/throughput\s+images\/sec\s+28\d\d\s+[\d.]+ \([\d.]+%\)\s+4/);
    expect(stdout).toContain("Recent runs (4 of 4):");
    expect(stdout.indexOf("2024-04-04")).toBeLessThan(stdout.indexOf("2024-04-01"));
  });

  it("prints the baselines as JSON with --json", async () => {
    await baseline("update", ".maat/results");
    const { stdout } = await baseline("show", "resnet50-training", "--json");
    const parsed = JSON.parse(stdout) as Baseline[];
    expect(parsed[0]!.runs).toHaveLength(4);
  });

  it("says when a benchmark has no baseline", async () => {
    expect((await baseline("show", "bert")).stdout).toContain("No baseline for bert yet.");
  });
});

describe("maat baseline update and uncommitted changes (issue 10, item 3)", () => {
  it("refuses receipts measured on a dirty checkout unless --allow-dirty, and says so", async () => {
    const dirty = steadyReceipts(5)[4]!;
    dirty.resultId = "resnet50-training/dirty-run";
    dirty.source.dirty = true;
    await writeFile(join(cwd, ".maat/results/dirty.json"), JSON.stringify(dirty));
    const refused = await baseline("update", ".maat/results");
    expect(refused.code).toBe(0);
    expect(refused.stderr).toContain(
      "maat: refused result resnet50-training/dirty-run was measured on a checkout with uncommitted changes",
    );
    expect(refused.stderr).toContain("pass --allow-dirty");
    expect(refused.stdout).not.toContain("added resnet50-training/dirty-run");
    const allowed = await baseline("update", ".maat/results", "--allow-dirty");
    expect(allowed.stdout).toContain("added resnet50-training/dirty-run");
  });
});

describe("maat baseline accept", () => {
  it("records a reset with who, why and from which commit", async () => {
    await baseline("update", ".maat/results");
    const { code } = await baseline(
      "accept",
      "resnet50-training",
      "--metric",
      "throughput",
      "--from-commit",
      commit.slice(0, 7),
      "--reason",
      "bigger batch, slower steps",
    );
    expect(code).toBe(0);
    const [stored] = await readBaselines(join(cwd, "baselines"), "resnet50-training");
    expect(stored!.resets).toEqual([
      {
        metric: "throughput",
        fromCommit: commit.slice(0, 7),
        by: "grace",
        reason: "bigger batch, slower steps",
        date: expect.any(String),
      },
    ]);
    const file = baselinePath(
      join(cwd, "baselines"),
      "resnet50-training",
      hardwareKey(steadyReceipts(1)[0]!).slug,
    );
    expect(await readFile(file, "utf8")).toContain(
      `"resets": [\n    {"metric":"throughput","fromCommit":"${commit.slice(0, 7)}"`,
    );
  });

  it("refuses an unknown metric, naming the metrics that exist", async () => {
    await baseline("update", ".maat/results");
    const args = [
      "accept",
      "resnet50-training",
      "--metric",
      "latency",
      "--from-commit",
      commit,
      "--reason",
      "x",
    ];
    const error = (await baseline(...args).catch((e) => e)) as MaatError;
    expect(error.message).toMatch(/has no metric "latency"/);
    expect(error.hint).toBe("Metrics with a baseline: epoch_time, throughput.");
  });

  it("requires --reason and names the hardware keys when --hardware matches none", async () => {
    await baseline("update", ".maat/results");
    const noReason = (await baseline(
      "accept",
      "resnet50-training",
      "--metric",
      "throughput",
      "--from-commit",
      commit,
    ).catch((e) => e)) as MaatError;
    expect(noReason.message).toContain("--metric, --from-commit and --reason are required");
    const args = [
      "accept",
      "resnet50-training",
      "--metric",
      "throughput",
      "--from-commit",
      commit,
      "--reason",
      "x",
    ];
    const wrongHardware = (await baseline(...args, "--hardware", "tpu-v5").catch((e) => e)) as MaatError;
    expect(wrongHardware.message).toBe("no baseline of resnet50-training on tpu-v5");
    expect(wrongHardware.hint).toMatch(/^Hardware keys with a baseline: gpu-a100/);
  });

  it("refuses a commit that does not exist (issue 10, item 3)", async () => {
    await baseline("update", ".maat/results");
    const args = ["accept", "resnet50-training", "--metric", "throughput", "--reason", "x", "--from-commit"];
    const missing = (await baseline(...args, "deadbeefdeadbeef").catch((e) => e)) as MaatError;
    expect(missing.message).toBe(
      "baseline accept: commit deadbeefdeadbeef does not exist in this repository",
    );
    expect(missing.exitCode).toBe(2);
    const notSha = (await baseline(...args, "main;rm").catch((e) => e)) as MaatError;
    expect(notSha.message).toContain("must be a commit SHA");
  });

  it("rejects an unknown subcommand with exit code 2", async () => {
    const error = (await baseline("frobnicate").catch((e) => e)) as MaatError;
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('baseline: unknown subcommand "frobnicate"');
  });
});
