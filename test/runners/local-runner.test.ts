import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalRunner, DOCKER_IMAGE_NOTE } from "../../src/runners/local/local-runner.js";
import { RunnerError } from "../../src/runners/runner.js";
import { defineMetric, makeBenchmark, makeWorkspace, type Workspace } from "./fixture.js";

const runner = createLocalRunner({ graceMs: 300 });
let workspace: Workspace;
beforeEach(async () => {
  workspace = await makeWorkspace();
});
afterEach(async () => {
  await workspace.remove();
});

describe("the local runner", () => {
  it("runs the benchmark in its folder with its vars, logs it and extracts metrics from patterns and emits", async () => {
    await workspace.write(
      "train.sh",
      [
        "#!/bin/sh",
        'echo "epoch 1 loss=0.9 in $(basename "$PWD") say $GREETING to $1"',
        'echo "epoch 2 loss=0.4" >&2',
        `echo 'maat:metric {"name":"throughput","value":120,"unit":"img/s"}'`,
        `echo '{"name":"throughput","value":130}' >> "$MAAT_METRICS_FILE"`,
        `echo '{"name":"memory","value":2.5,"unit":"GiB"}' >> "$MAAT_METRICS_FILE"`,
      ].join("\n"),
    );
    const descriptor = makeBenchmark("sh ./train.sh", {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell expands it, not JavaScript
      args: "${GREETING}-world",
      metrics: [defineMetric("loss", "loss=([0-9.]+)"), defineMetric("throughput", undefined, "mean")],
    });
    const chunks: string[] = [];
    const outcome = await runner.runRepetition(
      workspace.request(descriptor, { onOutput: (chunk) => chunks.push(chunk.toString()) }),
    );
    expect(outcome).toMatchObject({
      status: "succeeded",
      exitCode: 0,
      signal: null,
      reason: "the benchmark exited with code 0",
    });
    expect(outcome.metrics.loss).toMatchObject({ value: 0.4, series: [0.9, 0.4], sources: ["pattern"] });
    expect(outcome.metrics.throughput).toMatchObject({ value: 125, series: [120, 130], sources: ["emit"] });
    expect(outcome.metrics.memory?.value).toBe(2.5);
    expect(outcome.undeclaredMetrics).toEqual({ memory: { unit: "GiB" } });
    expect(outcome.notes).toContain(DOCKER_IMAGE_NOTE);
    const log = await readFile(outcome.logs.output, "utf8");
    expect(log).toContain(`loss=0.9 in ${workspace.dir.split("/").pop()} say hello to hello-world`);
    expect(log).toContain("epoch 2 loss=0.4");
    expect(chunks.join("")).toContain("epoch 2 loss=0.4");
  });

  it("fails a benchmark that exits non-zero, keeping the metrics it printed", async () => {
    const descriptor = makeBenchmark("echo loss=1; exit 3", {
      metrics: [defineMetric("loss", "loss=(\\d+)")],
    });
    const outcome = await runner.runRepetition(workspace.request(descriptor));
    expect(outcome).toMatchObject({
      status: "failed",
      exitCode: 3,
      reason: "the benchmark exited with code 3",
    });
    expect(outcome.metrics.loss?.value).toBe(1);
  });

  it("names the signal of a benchmark that crashed", async () => {
    const outcome = await runner.runRepetition(workspace.request(makeBenchmark("kill -SEGV $$")));
    expect(outcome).toMatchObject({ status: "failed", signal: "SIGSEGV", exitCode: null });
    expect(outcome.reason).toBe("the benchmark was killed by signal SIGSEGV");
  });

  it("names the signal when the shell reports its command's crash as 128 + n", async () => {
    const outcome = await runner.runRepetition(
      workspace.request(makeBenchmark("sh -c 'kill -9 $$'; exit $?")),
    );
    expect(outcome.status).toBe("failed");
    expect(outcome.reason).toBe(
      "the benchmark exited with code 137 (its command was killed by signal SIGKILL)",
    );
  });

  it("succeeds at the process level when a declared metric is missing or NaN, recording the problem", async () => {
    const descriptor = makeBenchmark("echo loss=nan", {
      metrics: [defineMetric("loss", "loss=(\\S+)"), defineMetric("accuracy", "acc=(\\S+)")],
    });
    const outcome = await runner.runRepetition(workspace.request(descriptor));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.metrics.loss).toMatchObject({ value: null, problem: "nan" });
    expect(outcome.metrics.accuracy).toMatchObject({ value: null, problem: "missing" });
  });

  it("refuses a descriptor without ml.benchmark_code, saying what to set", async () => {
    const error = await runner
      .runRepetition(workspace.request(makeBenchmark(undefined)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).message).toContain("ml.benchmark_code is not set");
    expect((error as RunnerError).hint).toContain("set ml.benchmark_code");
  });

  it("reads binary and invalid UTF-8 output without crashing", async () => {
    await workspace.write(
      "noise.mjs",
      [
        "process.stdout.write(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x0a, 0xe2, 0x28]));",
        'process.stdout.write("loss=");',
        'setTimeout(() => process.stdout.write("7\\n\\u0000\\u0001"), 50);',
      ].join("\n"),
    );
    const descriptor = makeBenchmark(`"${process.execPath}" noise.mjs`, {
      metrics: [defineMetric("loss", "loss=(\\d+)")],
    });
    const outcome = await runner.runRepetition(workspace.request(descriptor));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.metrics.loss?.value).toBe(7);
  });
});
