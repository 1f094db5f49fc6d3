import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { receiptProblems } from "../../src/results/receipt-validation.js";
import { FIXTURES } from "../harness/fixtures.js";
import { cli, writeDescriptor } from "./harness.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A checkout-like folder holding copies of the harness fixtures. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "maat-import-"));
  dirs.push(dir);
  cpSync(FIXTURES, path.join(dir, "results"), { recursive: true });
  return dir;
}

async function importJson(dir: string, argv: string[]) {
  const { code, out, err } = await cli(dir, ["import", ...argv, "--json"]);
  expect(code, err).toBe(0);
  const result = JSON.parse(out);
  const receipt = JSON.parse(readFileSync(path.join(dir, result.receipt), "utf8"));
  expect(receiptProblems(receipt)).toEqual([]);
  return { result, receipt };
}

describe("maat import", () => {
  it("turns each go test -bench file into a repetition of one receipt, with copies of the files", async () => {
    const dir = project();
    const file = "results/go-test-bench/two-packages-count-2.txt";
    const { receipt } = await importJson(dir, ["go-test-bench", file, file, "--benchmark", "go-suite"]);
    expect(receipt.benchmark.id).toBe("go-suite");
    expect(receipt.repetitions).toHaveLength(2);
    expect(receipt.metrics["strs.BenchmarkJoin-2"]).toMatchObject({
      unit: "ns/op",
      values: [57.455, 57.455],
    });
    expect(receipt.metrics["hash.BenchmarkBroken"].problems).toHaveLength(2);
    expect(receipt.backend.note).toContain("Maat did not run the benchmark");
    expect(readFileSync(receipt.repetitions[1].logs.files[0], "utf8")).toContain("BenchmarkFNV-2");
  });

  it("reads a whole target/criterion folder as one repetition", async () => {
    const dir = project();
    const { receipt } = await importJson(dir, [
      "criterion",
      "results/criterion/cargo-bench-0.3.6",
      "--benchmark",
      "codec",
    ]);
    expect(receipt.repetitions).toHaveLength(1);
    expect(Object.keys(receipt.metrics).sort()).toEqual([
      "checksum.1024",
      "checksum.1024.throughput",
      "checksum.16384",
      "checksum.16384.throughput",
      "fib_15",
      "sleep.1ms",
    ]);
    expect(receipt.repetitions[0].logs.files).toHaveLength(4);
  });

  it("feeds compare and baselines like a receipt from maat run", async () => {
    const dir = project();
    const file = "results/hyperfine/parameter-scan.json";
    for (const day of ["01", "02", "03", "04"]) {
      await importJson(dir, [
        "hyperfine",
        file,
        "--benchmark",
        "sleep",
        "--date",
        `2026-03-${day}T00:00:00Z`,
        "--commit",
        `${day}`.repeat(20),
        "--results-dir",
        "history",
      ]);
    }
    const folded = await cli(dir, ["baseline", "update", "history"]);
    expect(folded.code, folded.err).toBe(0);
    await importJson(dir, ["hyperfine", file, "--benchmark", "sleep", "--results-dir", "candidate"]);
    const compared = await cli(dir, ["compare", "candidate", "--json"]);
    expect(compared.code, compared.err).toBe(0);
    const report = JSON.parse(compared.out);
    const verdicts = report.benchmarks[0].comparisons.map((c: { metric: string; verdict: string }) => [
      c.metric,
      c.verdict,
    ]);
    expect(verdicts).toEqual([
      ["sleep_0.010", "unchanged"],
      ["sleep_0.020", "unchanged"],
    ]);
  });

  it("takes directions and thresholds from a descriptor when given one", async () => {
    const dir = project();
    cpSync(path.join(dir, "results"), path.join(dir, "benchmarks/bert/results"), { recursive: true });
    writeDescriptor(
      dir,
      "bert",
      `spec_version = "0.1.0"\n[info]\ndescription = "MLPerf BERT"\n[hardware]\ninstance_type = "p4d.24xlarge"\nstrategy = "single_node"\n[env]\ndocker_image = "x"\n[[output.metrics]]\nname = "eval_accuracy"\nunits = "mlm accuracy"\ndirection = "higher_is_better"\nmin_effect = 0.005\n`,
    );
    const { receipt } = await importJson(dir, [
      "mlperf-log",
      "results/mlperf-log/bert-result_0-excerpt.txt",
      "--descriptor",
      "benchmarks/bert/descriptor.toml",
    ]);
    expect(receipt.benchmark.id).toBe("bert");
    expect(receipt.metrics.eval_accuracy).toMatchObject({
      unit: "mlm accuracy",
      values: [0.7202073335647583],
    });
    expect(receipt.metrics.time_to_train).toMatchObject({ unit: "min", direction: "lower_is_better" });
  });

  it("refuses, with exit 2 and the file named, what it cannot read", async () => {
    const dir = project();
    const unknown = await cli(dir, ["import", "jmh", "x.json", "--benchmark", "b"]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('unknown format "jmh"');
    const wrong = await cli(dir, [
      "import",
      "pytest-benchmark",
      "results/hyperfine/single-run.json",
      "--benchmark",
      "b",
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('results/hyperfine/single-run.json: has no "benchmarks" array');
    const statistic = await cli(dir, [
      "import",
      "hyperfine",
      "results/hyperfine/single-run.json",
      "--benchmark",
      "b",
      "--statistic",
      "ops",
    ]);
    expect(statistic.err).toContain("Choose one of mean, median, min, max");
    const missing = await cli(dir, ["import", "hyperfine", "nope.json", "--benchmark", "b"]);
    expect(missing.err).toContain("nope.json: no such hyperfine result file");
    const noId = await cli(dir, ["import", "hyperfine", "results/hyperfine/single-run.json"]);
    expect(noId.err).toContain("say which benchmark");
  });
});
