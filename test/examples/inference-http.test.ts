import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  BENCHMARKS,
  captured,
  childEnv,
  declaredMetrics,
  freePort,
  readDescriptor,
  run,
  stdoutRecords,
  torchAvailable,
  waitForReady,
} from "./helpers.js";

const DIR = path.join(BENCHMARKS, "inference-http");
const hasTorch = torchAvailable();
const SKIP_REASON =
  "SKIPPED: python3 cannot import torch (apt-get install python3-torch or pip install torch)";

let server: ChildProcess | undefined;
afterEach(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  server = undefined;
});

function startServer(port: number): { child: ChildProcess; log: () => string } {
  const child = spawn(
    "python3",
    ["server.py", "--host", "127.0.0.1", "--port", String(port), "--threads", "1"],
    {
      cwd: DIR,
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    log += chunk;
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    log += chunk;
  });
  return { child, log: () => log };
}

/** Sends a readiness request and resets the connection at once, as a probe that timed out does. */
async function hangUp(port: number): Promise<void> {
  const socket = connect({ host: "127.0.0.1", port });
  await once(socket, "connect");
  socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  socket.resetAndDestroy();
  await once(socket, "close");
}

/** Hang-ups while the model still loads (the server listens first, then imports torch). */
async function hangUpsDuringLoad(port: number, log: () => string): Promise<void> {
  while (!log().includes("listening on")) await new Promise((resolve) => setTimeout(resolve, 20));
  for (let i = 0; i < 3; i++) await hangUp(port);
}

describe("benchmarks/inference-http", () => {
  it("declares an inference server with ports, probes and the injected host/port in ml.args", () => {
    const descriptor = readDescriptor("inference-http");
    expect(descriptor.hardware.strategy).toBe("inference");
    expect(descriptor.ml.args).toMatch(/--host=\$\{INFERENCE_SERVER_HOST\}/);
    expect(descriptor.ml.args).toMatch(/--port=\$\{INFERENCE_SERVER_PORT\}/);
    const env = descriptor.server.env;
    expect(env.ports).toEqual([18080]);
    expect(env.start_command_args).toContain("--port 18080");
    expect(env.readiness_probe).toMatchObject({ path: "/healthz", port: 18080 });
    expect(typeof env.liveliness_probe).toBe("string");
  });

  it.skipIf(!hasTorch)(
    hasTorch ? "serves the model and the client prints latency percentiles and throughput" : SKIP_REASON,
    async () => {
      const port = await freePort();
      const started = startServer(port);
      server = started.child;
      // Probes that give up while torch loads hang up before the answer: no traceback for that.
      await hangUpsDuringLoad(port, started.log);
      try {
        await waitForReady(`http://127.0.0.1:${port}/healthz`, server, 60_000);
      } catch (error) {
        throw new Error(`${(error as Error).message}\nserver log:\n${started.log()}`);
      }
      for (let i = 0; i < 3; i++) await hangUp(port);

      const live = await fetch(`http://127.0.0.1:${port}/livez`);
      expect(live.status).toBe(200);
      const bad = await fetch(`http://127.0.0.1:${port}/predict`, {
        method: "POST",
        body: '{"inputs": [[1, 2]]}',
      });
      expect(bad.status).toBe(400);
      const good = await fetch(`http://127.0.0.1:${port}/predict`, {
        method: "POST",
        body: JSON.stringify({ inputs: [Array(64).fill(0.5), Array(64).fill(-0.5)] }),
      });
      const prediction = (await good.json()) as { classes: number[]; scores: number[] };
      expect(prediction.classes).toHaveLength(2);
      for (const score of prediction.scores) expect(score).toBeGreaterThan(0);

      // The client as the descriptor runs it, with host/port from the injected variables.
      const result = await run(
        "python3",
        ["client.py", "--requests", "60", "--warmup", "5", "--concurrency", "2", "--batch", "2"],
        {
          cwd: DIR,
          env: childEnv({ INFERENCE_SERVER_HOST: "127.0.0.1", INFERENCE_SERVER_PORT: String(port) }),
          timeoutMs: 60_000,
        },
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const metrics = declaredMetrics("inference-http");
      const values: Record<string, number> = {};
      for (const metric of metrics.filter((m) => m.pattern !== undefined)) {
        const found = captured(metric, result.stdout);
        expect(found, metric.name).toHaveLength(1);
        expect(found[0], metric.name).toBeGreaterThan(0);
        values[metric.name] = found[0]!;
      }
      expect(Object.keys(values).sort()).toEqual(
        ["latency_p50_ms", "latency_p90_ms", "latency_p99_ms", "throughput_rps"].sort(),
      );
      expect(values.latency_p50_ms).toBeLessThanOrEqual(values.latency_p90_ms!);
      expect(values.latency_p90_ms).toBeLessThanOrEqual(values.latency_p99_ms!);
      const emitted = Object.fromEntries(stdoutRecords(result.stdout).map((r) => [r.name, r.value]));
      expect(emitted).toMatchObject({ error_rate: 0 });
      expect(emitted.latency_mean_ms).toBeGreaterThan(0);
      expect(Object.keys(emitted).sort()).toEqual(
        metrics
          .filter((m) => m.pattern === undefined)
          .map((m) => m.name)
          .sort(),
      );
      // The hang-ups above were handled long before the client's requests finished.
      expect(started.log()).not.toMatch(/Traceback|BrokenPipe|ConnectionReset/);
    },
    120_000,
  );

  it("client fails clearly when no server listens", async () => {
    const port = await freePort();
    const result = await run("python3", ["client.py", `--port=${port}`, "--requests", "3", "--warmup", "2"], {
      cwd: DIR,
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("every warm-up request failed");
  });
});
