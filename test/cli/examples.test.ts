import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { receiptProblems } from "../../src/results/receipt-validation.js";
import { cli, repoRoot } from "./harness.js";

// The examples call `python3`; CI points it at Debian's interpreter, which has python3-torch.
const env = { PYENV_VERSION: process.env.PYENV_VERSION ?? "system" };
const torch = (() => {
  try {
    execFileSync("python3", ["-c", "import torch"], { env: { ...process.env, ...env }, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function copyExample(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `maat-example-${name}-`));
  mkdirSync(path.join(dir, ".git"));
  cpSync(path.join(repoRoot, "benchmarks", name), path.join(dir, "benchmarks", name), { recursive: true });
  cpSync(path.join(repoRoot, "clients"), path.join(dir, "clients"), { recursive: true });
  return dir;
}

async function runExample(name: string) {
  const dir = copyExample(name);
  const { code, out, err } = await cli(
    dir,
    ["run", `benchmarks/${name}`, "--repetitions", "1", "--quiet", "--json"],
    env,
  );
  expect(code, err).toBe(0);
  const run = JSON.parse(out).runs[0];
  const file = path.join(dir, run.receipt);
  const receipt = JSON.parse(readFileSync(file, "utf8"));
  expect(receiptProblems(receipt)).toEqual([]);
  // Log paths are relative to the receipt's folder, or absolute.
  const log = (name: string) => readFileSync(path.resolve(path.dirname(file), name), "utf8");
  return { ...receipt, log };
}

describe.skipIf(!torch)(
  torch
    ? "the PyTorch examples through maat run"
    : "the PyTorch examples through maat run (skipped: python3 cannot import torch)",
  () => {
    it("trains the CPU model and records loss, accuracy and throughput", async () => {
      const receipt = await runExample("pytorch-train-cpu");
      expect(receipt.status).toBe("succeeded");
      expect(receipt.metrics.val_accuracy.mean).toBeGreaterThan(0.5);
      expect(receipt.metrics.samples_per_second.mean).toBeGreaterThan(0);
      expect(receipt.descriptor.ml.framework).toBe("pytorch");
    }, 120_000);

    it("serves the model over HTTP and records latency percentiles and throughput from the client", async () => {
      const receipt = await runExample("inference-http");
      expect(receipt.status).toBe("succeeded");
      const { latency_p50_ms: p50, latency_p99_ms: p99, throughput_rps: rps } = receipt.metrics;
      expect(p50.mean).toBeGreaterThan(0);
      expect(p99.mean).toBeGreaterThanOrEqual(p50.mean);
      expect(rps.mean).toBeGreaterThan(0);
      expect(receipt.repetitions[0].logs.server).toMatch(/\.server\.log$/);
      // Readiness probes that hung up while torch loaded leave no traceback in the server's log.
      const serverLog = receipt.log(receipt.repetitions[0].logs.server);
      expect(serverLog).toContain("model loaded");
      expect(serverLog).not.toMatch(/Traceback|BrokenPipe/);
    }, 120_000);
  },
);
