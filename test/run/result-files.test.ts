import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { receiptProblems } from "../../src/results/receipt-validation.js";
import { cli, makeProject, writeDescriptor } from "../cli/harness.js";

/** A descriptor whose benchmark is a shell command and whose numbers come from result files only. */
const descriptor = (command: string, files: string, repetitions = 1) => `spec_version = "0.1.0"
[info]
description = "result files"
[hardware]
instance_type = "local"
strategy = "single_node"
[env]
docker_image = "none"
[ml]
benchmark_code = ${JSON.stringify(command)}
[run]
repetitions = ${repetitions}
${files}`;

const hasHyperfine = (() => {
  try {
    execFileSync("hyperfine", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function run(name: string, body: string) {
  const dir = makeProject();
  projects.push(dir);
  writeDescriptor(dir, name, body);
  const { code, out, err } = await cli(dir, ["run", `benchmarks/${name}`, "--json", "--quiet"]);
  const run = JSON.parse(out).runs[0];
  const receipt = JSON.parse(readFileSync(path.join(dir, run.receipt), "utf8"));
  expect(receiptProblems(receipt)).toEqual([]);
  return { code, err, receipt, dir };
}

describe("[[output.files]] in maat run", () => {
  it("reads a file each repetition writes, with the unit and direction of its format, and keeps a copy", async () => {
    // Each repetition writes a different p99, as a harness would.
    const write = `n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; printf '[{"name": "p99 latency", "unit": "ms", "value": %s}]' $((10+n)) > out/latency.json`;
    const files = `[[output.files]]\npath = "out/*.json"\nformat = "custom-smaller-is-better"\nprefix = "api."`;
    const { code, err, receipt } = await run("latency", descriptor(`mkdir -p out && ${write}`, files, 3));
    expect(code, err).toBe(0);
    expect(receipt.metrics["api.p99_latency"]).toMatchObject({
      unit: "ms",
      direction: "lower_is_better",
      values: [11, 12, 13],
      n: 3,
    });
    const repetition = receipt.repetitions[2];
    expect(repetition.metrics["api.p99_latency"]).toMatchObject({ value: 13, sources: ["file"] });
    expect(repetition.logs.files).toHaveLength(1);
    expect(readFileSync(repetition.logs.files[0], "utf8")).toContain('"value": 13');
  });

  it("fails a repetition that left the previous repetition's file in place instead of reading it twice", async () => {
    const once = `[ -f out.json ] || printf '[{"name": "qps", "unit": "req/s", "value": 100}]' > out.json`;
    const files = `[[output.files]]\npath = "out.json"\nformat = "custom-bigger-is-better"`;
    const { code, receipt } = await run("stale", descriptor(once, files, 2));
    expect(code).toBe(1);
    expect(receipt.repetitions[0].status).toBe("succeeded");
    expect(receipt.repetitions[1]).toMatchObject({
      status: "failed",
      reason:
        "result file out.json (custom-bigger-is-better) was not rewritten by this repetition (it is left over from before)",
    });
  });

  it("fails a clean exit that wrote no file, and a file that is not the declared format", async () => {
    const missing = await run(
      "missing",
      descriptor("true", `[[output.files]]\npath = "bench.json"\nformat = "hyperfine"`),
    );
    expect(missing.code).toBe(1);
    expect(missing.receipt.reason).toBe("repetition 1: result file bench.json (hyperfine) was not written");
    const wrong = await run(
      "wrong",
      descriptor(
        `echo '[]' > bench.json`,
        `[[output.files]]\npath = "bench.json"\nformat = "pytest-benchmark"`,
      ),
    );
    expect(wrong.receipt.reason).toContain(
      'bench.json: has no "benchmarks" array, so it is not a pytest-benchmark result file',
    );
  });

  it.skipIf(!hasHyperfine)(
    hasHyperfine
      ? "reads the JSON that a real hyperfine writes"
      : "reads the JSON that a real hyperfine writes (skipped: hyperfine is not installed; apt-get install hyperfine)",
    async () => {
      const command = "hyperfine --runs 3 --shell=none --export-json hf.json 'sleep 0.01' > /dev/null";
      const files = `[[output.files]]\npath = "hf.json"\nformat = "hyperfine"\nstatistic = "median"`;
      const { code, err, receipt, dir } = await run("hyperfine", descriptor(command, files, 2));
      expect(code, err).toBe(0);
      const metric = receipt.metrics["sleep_0.01"];
      expect(metric).toMatchObject({ unit: "s", direction: "lower_is_better", n: 2 });
      expect(Math.min(...metric.values)).toBeGreaterThanOrEqual(0.01);
      expect(receipt.repetitions[1].metrics["sleep_0.01"].series).toHaveLength(3);
      expect(existsSync(path.join(dir, "benchmarks/hyperfine/hf.json"))).toBe(true);
    },
  );
});

describe("maat validate on [[output.files]]", () => {
  it("points at a statistic the format lacks, an unknown format and a path outside the folder", async () => {
    const dir = makeProject();
    projects.push(dir);
    const files = [
      `[[output.files]]\npath = "a.json"\nformat = "hyperfine"\nstatistic = "p99"`,
      `[[output.files]]\npath = "b.txt"\nformat = "go-bench"`,
      `[[output.files]]\npath = "../elsewhere.json"\nformat = "hyperfine"`,
    ].join("\n");
    writeDescriptor(dir, "bad", descriptor("true", files));
    const { code, err, out } = await cli(dir, ["validate", "benchmarks/bad"]);
    expect(code).toBe(2);
    const text = out + err;
    expect(text).toMatch(
      /descriptor\.toml:\d+:\d+: output\.files\[0\]\.statistic: must be one of mean, median, min, max for hyperfine files \(got "p99"\)/,
    );
    expect(text).toMatch(/output\.files\[1\]\.format: .*go-test-bench/);
    expect(text).toMatch(/output\.files\[2\]\.path: .*relative path inside the benchmark's folder/);
  });
});
