import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBaselines } from "../../src/baselines/files.js";
import { foldReceipts } from "../../src/baselines/fold-receipts.js";
import { repoRoot } from "../cli/harness.js";
import { steadyReceipts } from "../compare/history.js";

// Issue 10, item 4: parallel `maat baseline update` runs on one file must keep every run.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "maat-concurrent-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("concurrent baseline updates of one file", () => {
  it("in one process keep all runs", async () => {
    const receipts = steadyReceipts(8);
    await Promise.all(receipts.map((r) => foldReceipts(path.join(dir, "baselines"), [r])));
    const [baseline] = await readBaselines(path.join(dir, "baselines"), "resnet50-training");
    expect(baseline!.runs.map((r) => r.resultId).sort()).toEqual(receipts.map((r) => r.resultId).sort());
  });

  it("as separate maat processes keep all runs, and leave no lock behind", async () => {
    const receipts = steadyReceipts(6);
    for (const [i, receipt] of receipts.entries()) {
      await mkdir(path.join(dir, `job-${i}`));
      await writeFile(path.join(dir, `job-${i}`, "receipt.json"), JSON.stringify(receipt));
    }
    const results = await Promise.all(
      receipts.map(
        (_, i) =>
          new Promise<{ code: number; stderr: string }>((resolve) => {
            execFile(
              process.execPath,
              [path.join(repoRoot, "dist/cli.js"), "baseline", "update", `job-${i}`],
              { cwd: dir },
              (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
            );
          }),
      ),
    );
    expect(
      results.map((r) => r.code),
      results.map((r) => r.stderr).join("\n"),
    ).toEqual([0, 0, 0, 0, 0, 0]);
    const [baseline] = await readBaselines(path.join(dir, "baselines"), "resnet50-training");
    expect(baseline!.runs).toHaveLength(6);
    expect(
      (await readdir(path.join(dir, "baselines/resnet50-training"))).filter((n) => n.endsWith(".lock")),
    ).toEqual([]);
  });
});
