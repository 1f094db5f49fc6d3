import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { foldReceipts } from "../../src/baselines/fold-receipts.js";
import { compareCommand } from "../../src/cli/commands/compare.js";
import type { ComparisonReport } from "../../src/compare/types.js";
import type { MaatError } from "../../src/errors.js";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { commandContext } from "./command-context.js";
import { candidateAt, steadyReceipts } from "./history.js";

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "maat-compare-"));
  await foldReceipts(join(cwd, "baselines"), steadyReceipts(30));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function writeReceipt(receipt: ResultReceipt, path: string): Promise<string> {
  await mkdir(join(cwd, path, ".."), { recursive: true });
  await writeFile(join(cwd, path), JSON.stringify(receipt, null, 2));
  return path;
}

async function compare(...argv: string[]) {
  const { context, output } = commandContext(cwd, argv);
  const code = await compareCommand.run(context);
  return { code, ...output() };
}

async function compareError(...argv: string[]): Promise<MaatError> {
  const { context } = commandContext(cwd, argv);
  return (await compareCommand.run(context).then(
    () => expect.fail("expected an error"),
    (error: unknown) => error,
  )) as MaatError;
}

/** The verdict table's rows: from the line under the headings to the first blank line. */
function tableRows(stdout: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith("---")) + 1;
  return lines.slice(start, lines.indexOf("", start));
}

describe("maat compare", () => {
  it("exits 0 and prints the verdict table when nothing regressed", async () => {
    const file = await writeReceipt(candidateAt(1.0), ".maat/results/resnet50-training/receipt.json");
    const { code, stdout } = await compare(file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/resnet50-training\s+throughput .* unchanged/);
    expect(stdout).toContain("2 unchanged across 1 benchmark.");
  });

  it("exits 1 on a regression, and 0 with --no-fail-on-regression", async () => {
    await writeReceipt(candidateAt(0.95), ".maat/results/resnet50-training/receipt.json");
    expect((await compare(".maat/results")).code).toBe(1);
    expect((await compare(".maat/results", "--no-fail-on-regression")).code).toBe(0);
  });

  it("exits 1 when a run failed, naming it on stderr", async () => {
    const failed = candidateAt(1.0, { status: "failed", reason: "exited with code 137" });
    const file = await writeReceipt(failed, "failed.json");
    const { code, stderr } = await compare(file);
    expect(code).toBe(1);
    expect(stderr).toContain("resnet50-training/2024-06-01-candidate failed: exited with code 137");
  });

  it("from a results folder, weighs the newest receipt of each benchmark: one line per metric", async () => {
    const dir = ".maat/results/resnet50-training";
    const run = (day: string, factor: number) =>
      candidateAt(factor, {
        resultId: `resnet50-training/2024-06-${day}`,
        startedAt: `2024-06-${day}T03:00:00.000Z`,
      });
    // Older runs regressed; the newest is back to normal.
    await writeReceipt(run("01", 0.8), `${dir}/a.json`);
    await writeReceipt(run("03", 1.0), `${dir}/b.json`);
    await writeReceipt(run("02", 0.8), `${dir}/c.json`);
    const newest = await compare(".maat/results");
    expect(newest.code).toBe(0);
    expect(tableRows(newest.stdout)).toHaveLength(2);
    expect(newest.stdout).toContain("2 unchanged across 1 benchmark.");
    expect(newest.stderr).toContain("2 older receipt(s) left out (--all compares them too)");

    const all = await compare(".maat/results", "--all");
    expect(all.code).toBe(1);
    expect(tableRows(all.stdout)).toHaveLength(6);
    expect(all.stderr).not.toContain("left out");
  });

  it("prints the report as JSON with --json", async () => {
    const file = await writeReceipt(candidateAt(0.95), "r.json");
    const { stdout } = await compare(file, "--json");
    const report = JSON.parse(stdout) as ComparisonReport;
    expect(report.totals.regressions).toBe(1);
    expect(report.benchmarks[0]!.comparisons[0]).toMatchObject({
      metric: "throughput",
      verdict: "regression",
    });
  });

  it("prints Markdown with --markdown", async () => {
    const file = await writeReceipt(candidateAt(1.0), "r.json");
    const { stdout } = await compare(file, "--markdown");
    expect(stdout).toMatch(/^\*\*2 unchanged across 1 benchmark\*\*\n\n\| Benchmark/);
  });

  it("reads baselines from --baselines and applies --min-effect", async () => {
    await cp(join(cwd, "baselines"), join(cwd, "elsewhere"), { recursive: true });
    await rm(join(cwd, "baselines"), { recursive: true });
    const file = await writeReceipt(candidateAt(0.95), "r.json");
    expect((await compare(file)).stdout).toContain("no baseline for resnet50-training yet");
    expect((await compare(file, "--baselines", "elsewhere")).code).toBe(1);
    expect((await compare(file, "--baselines", "elsewhere", "--min-effect", "10%")).code).toBe(0);
  });

  it("fails with exit code 2 naming a malformed receipt file", async () => {
    await writeFile(join(cwd, "broken.json"), '{"receiptVersion": "1.0", ');
    const error = await compareError("broken.json");
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^broken\.json: not valid JSON/);
  });

  it("fails with exit code 2 for a JSON file that is not a receipt", async () => {
    await writeFile(join(cwd, "package.json"), '{"name": "x"}');
    const error = await compareError("package.json");
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe("package.json: not a Maat result receipt (it has no receiptVersion)");
  });

  it("fails with exit code 2 naming a corrupt baseline file", async () => {
    const file = await writeReceipt(candidateAt(1.0), "r.json");
    const [baselineFile] = (await import("node:fs")).readdirSync(join(cwd, "baselines/resnet50-training"));
    await writeFile(join(cwd, "baselines/resnet50-training", baselineFile!), "<<<<<<< HEAD\n");
    const error = await compareError(file);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(`baselines/resnet50-training/${baselineFile} is not valid JSON`);
  });

  it("fails with exit code 2 on usage errors", async () => {
    expect((await compareError()).exitCode).toBe(2);
    expect((await compareError("r.json", "--sigma", "zero")).message).toContain(
      "--sigma must be a positive number",
    );
    expect((await compareError("--frobnicate", "r.json")).message).toBe(
      "compare: unknown option --frobnicate",
    );
    const negative = await compareError("r.json", "--sigma", "-1");
    expect(negative.message).toBe('--sigma must be a positive number, got "-1"');
    expect((await compareError("missing.json")).message).toBe("missing.json: no such receipt file or folder");
  });
});
