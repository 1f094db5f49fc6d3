import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BENCHMARKS,
  captured,
  childEnv,
  declaredMetrics,
  REPO_ROOT,
  readDescriptor,
  run,
  stdoutRecords,
  torchAvailable,
} from "./helpers.js";

const DIR = path.join(BENCHMARKS, "pytorch-train-cpu");
const hasTorch = torchAvailable();

describe("benchmarks/pytorch-train-cpu", () => {
  it("without PyTorch under pyenv, says how to reach the system's PyTorch (PYENV_VERSION=system)", async () => {
    // -S hides site-packages, so torch is not importable whichever python3 this is.
    const env: NodeJS.ProcessEnv = {
      ...childEnv(),
      PYENV_ROOT: process.env.PYENV_ROOT ?? "/nonexistent/pyenv",
    };
    delete env.PYENV_VERSION;
    const result = await run("python3", ["-S", "train.py"], { cwd: DIR, env, timeoutMs: 60_000 });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("needs PyTorch, which is not importable");
    expect(result.stderr).toContain("run with PYENV_VERSION=system");
  });

  it("declares the framework, 3 repetitions and last-value loss/accuracy", () => {
    const descriptor = readDescriptor("pytorch-train-cpu");
    expect(descriptor.ml).toMatchObject({ framework: "pytorch", benchmark_code: "python3 train.py" });
    expect(descriptor.ml.args).toContain("--threads 1");
    expect(descriptor.run.repetitions).toBe(3);
    const byName = Object.fromEntries(declaredMetrics("pytorch-train-cpu").map((m) => [m.name, m]));
    expect(byName.train_loss).toMatchObject({ aggregate: "last", direction: "lower_is_better" });
    expect(byName.val_accuracy).toMatchObject({ aggregate: "last", direction: "higher_is_better" });
  });

  it.skipIf(!hasTorch)(
    hasTorch
      ? "trains a few steps and prints what the descriptor's patterns capture"
      : "SKIPPED: python3 cannot import torch (apt-get install python3-torch or pip install torch)",
    async () => {
      const result = await run(
        "python3",
        ["train.py", "--steps", "20", "--log-every", "5", "--train-samples", "1024", "--val-samples", "256"],
        { cwd: DIR, env: childEnv(), timeoutMs: 120_000 },
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const metrics = declaredMetrics("pytorch-train-cpu");
      const counts: Record<string, number> = { train_loss: 4, val_accuracy: 3, samples_per_second: 1 };
      for (const metric of metrics.filter((m) => m.pattern !== undefined)) {
        const values = captured(metric, result.stdout);
        expect(values, metric.name).toHaveLength(counts[metric.name]!);
        for (const value of values) expect(Number.isFinite(value), metric.name).toBe(true);
      }
      // The loss pattern must not pick up "val_loss=".
      expect(
        captured(metrics.find((m) => m.name === "train_loss")!, "epoch=1 val_loss=0.5 val_accuracy=0.9"),
      ).toEqual([]);
      const loss = captured(metrics.find((m) => m.name === "train_loss")!, result.stdout);
      expect(loss.at(-1)).toBeLessThan(loss[0]!); // it learns
      const accuracy = captured(metrics.find((m) => m.name === "val_accuracy")!, result.stdout);
      expect(accuracy.at(-1)).toBeGreaterThan(0.2); // 10 classes: chance is 0.1
      const emitted = stdoutRecords(result.stdout).map((r) => r.name);
      const declaredEmitted = metrics.filter((m) => m.pattern === undefined).map((m) => m.name);
      expect(emitted.sort()).toEqual(declaredEmitted.sort());
    },
    120_000,
  );

  it("fails with install instructions when torch is missing", async () => {
    // Hide torch behind a `torch` package that raises ImportError, first on PYTHONPATH.
    const result = await run("python3", ["train.py", "--steps", "1"], {
      cwd: DIR,
      env: childEnv({ PYTHONPATH: path.join(REPO_ROOT, "test", "examples", "fixtures", "no-torch") }),
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("install PyTorch: apt-get install python3-torch or pip install torch");
  });
});
