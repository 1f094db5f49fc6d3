import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalRunner } from "../../src/runners/local/local-runner.js";
import {
  defineMetric,
  freePort,
  isGone,
  makeBenchmark,
  makeWorkspace,
  type Workspace,
  withServer,
} from "./fixture.js";

// Short-lived for the server that never gets ready; patient where readiness must succeed on a loaded machine.
const runner = createLocalRunner({ graceMs: 300, readinessAllowanceProbes: 4 });
const patient = createLocalRunner({ graceMs: 300, readinessAllowanceProbes: 600 });
const node = `"${process.execPath}"`;
const scripts = fileURLToPath(new URL("./scripts/", import.meta.url));
const server = `${node} "${scripts}server.mjs"`;
const clientCommand = `${node} "${scripts}client.mjs"`;
let workspace: Workspace;
beforeEach(async () => {
  workspace = await makeWorkspace();
});
afterEach(async () => {
  await workspace.remove();
});

const serverPid = async (): Promise<number> => Number(await workspace.read("server.pid"));

describe("the local runner with an inference server", () => {
  it("starts the server, waits for its probe, runs the client against it and stops it", async () => {
    const [port, second] = [await freePort(), await freePort()];
    const client = makeBenchmark(clientCommand, {
      metrics: [defineMetric("latency", "latency=([0-9.]+) ms")],
    });
    const descriptor = withServer(client, `${server} ${port} 200`, [port, second], {
      periodSeconds: 0.2,
    });
    const outcome = await patient.runRepetition(workspace.request(descriptor));
    expect(outcome.reason).toBe("the benchmark exited with code 0");
    expect(outcome.metrics.latency?.value).toBeGreaterThan(0);
    expect(outcome.metrics.server_requests).toMatchObject({ value: 1, sources: ["pattern"] });
    expect(await readFile(outcome.logs.output, "utf8")).toContain(`answer=ok`);
    expect(await readFile(outcome.logs.output, "utf8")).toContain(`ports=${port},${second}`);
    expect(await readFile(outcome.logs.server as string, "utf8")).toContain("served=1");
    // Locally the server is told to listen on loopback, where the client and the probe reach it.
    expect(await readFile(outcome.logs.server as string, "utf8")).toContain("bind=127.0.0.1");
    expect(await isGone(await serverPid())).toBe(true);
  });

  it("waits for the port when no readiness probe is declared", async () => {
    const port = await freePort();
    const client = makeBenchmark(clientCommand);
    const descriptor = withServer(client, `sleep 0.3; exec ${server} ${port} 0`, [port]);
    const outcome = await patient.runRepetition(workspace.request(descriptor));
    expect(outcome.status).toBe("succeeded");
  });

  it("fails, naming the probe and its last answer, when the server never gets ready", async () => {
    const port = await freePort();
    const descriptor = withServer(makeBenchmark("echo never runs"), `${server} ${port} -1`, [port], {
      periodSeconds: 0.25,
    });
    const outcome = await runner.runRepetition(workspace.request(descriptor));
    expect(outcome.status).toBe("failed");
    expect(outcome.reason).toContain(`did not become ready`);
    expect(outcome.reason).toContain(`probe http://127.0.0.1:${port}/ready; last result: HTTP 503`);
    expect(await isGone(await serverPid())).toBe(true);
  });

  it("fails, saying how, when the server exits before it is ready", async () => {
    const port = await freePort();
    const descriptor = withServer(
      makeBenchmark("echo never runs"),
      "echo cannot load model; exit 4",
      [port],
      {},
    );
    // Patient: on a busy machine the exit must be seen before any readiness deadline passes.
    const outcome = await patient.runRepetition(workspace.request(descriptor));
    expect(outcome.status).toBe("failed");
    expect(outcome.reason).toContain("the server exited with code 4 before it became ready");
    expect(outcome.reason).toContain(`probe http://127.0.0.1:${port}/ready`);
    expect(await readFile(outcome.logs.server as string, "utf8")).toContain("cannot load model");
  });

  it("stops the server even when the client fails", async () => {
    const port = await freePort();
    const descriptor = withServer(makeBenchmark("exit 2"), `${server} ${port} 0`, [port], {});
    const outcome = await patient.runRepetition(workspace.request(descriptor));
    expect(outcome, outcome.reason).toMatchObject({ status: "failed", exitCode: 2 });
    expect(await isGone(await serverPid())).toBe(true);
  });
});
