/**
 * An inference server and its client in containers on the private network Maat creates for
 * the run. The server's port is published on 127.0.0.1 only, for the readiness probe.
 */
import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Descriptor } from "../../src/descriptor/types.js";
import { defineMetric, withServer } from "../runners/fixture.js";
import { dockerUnavailable, ensureTestImage, maatLeftovers } from "../support/docker/engine.js";
import { containerBenchmark, makeRepo, type Repo } from "./helpers.js";

const SERVER = `import { appendFileSync } from "node:fs";
import { createServer } from "node:http";
const [port, readyAfter] = process.argv.slice(2).map(Number);
// "late": nothing listens until readyAfter has passed (no probe declared: a TCP check decides).
const late = process.argv[4] === "late";
const start = Date.now();
let served = 0;
const server = createServer((request, response) => {
  if (request.url === "/ready") {
    response.statusCode = readyAfter >= 0 && Date.now() - start >= readyAfter ? 200 : 503;
    return response.end();
  }
  served++;
  console.log("served=" + served);
  response.end("ok");
});
setTimeout(() => server.listen(port, process.env.INFERENCE_SERVER_BIND_HOST), late ? readyAfter : 0);
process.on("SIGTERM", () => {
  appendFileSync(process.env.MAAT_METRICS_FILE, JSON.stringify({ name: "server_uptime", value: 1 }) + "\\n");
  server.close(() => process.exit(0));
});
`;

const CLIENT = `const { INFERENCE_SERVER_HOST: host, INFERENCE_SERVER_PORT: port } = process.env;
const started = performance.now();
const answer = await (await fetch("http://" + host + ":" + port + "/infer")).text();
console.log("answer=" + answer + " host=" + host + " latency=" + (performance.now() - started) + " ms");
`;

const title =
  dockerUnavailable === undefined
    ? "the Docker runner's inference server and client"
    : `the Docker runner's inference server and client (skipped: ${dockerUnavailable})`;

describe.skipIf(dockerUnavailable !== undefined)(title, () => {
  let image: string;
  let repo: Repo;
  beforeAll(async () => {
    image = await ensureTestImage();
  }, 300_000);
  beforeEach(async () => {
    repo = await makeRepo();
    await repo.write("benchmarks/bench/server.mjs", SERVER);
    await repo.write("benchmarks/bench/client.mjs", CLIENT);
  });
  afterEach(async () => {
    await repo.remove();
  });
  afterAll(async () => {
    expect(await maatLeftovers("docker-pair")).toEqual({ containers: [], networks: [] });
  });

  function pair(readyAfterMs: number, probe = true, late = false): Descriptor {
    const client = containerBenchmark(image, "node client.mjs", {
      id: "docker-pair",
      metrics: [defineMetric("latency", "latency=([0-9.]+) ms")],
    });
    const descriptor = withServer(
      client,
      "node server.mjs",
      [8080],
      probe ? { periodSeconds: 0.2 } : undefined,
    );
    const server = descriptor.server as NonNullable<Descriptor["server"]>;
    return {
      ...descriptor,
      server: {
        ...server,
        env: {
          ...server.env,
          dockerImage: image,
          startCommandArgs: `8080 ${readyAfterMs}${late ? " late" : ""}`,
        },
        output: {
          metrics: [
            defineMetric("server_requests", "served=(\\d+)"),
            defineMetric("server_uptime", undefined),
          ],
        },
      },
    };
  }

  it("starts the client only once the server is ready, on the run's network, and reads metrics from both", async () => {
    const runner = repo.runner();
    const outcome = await runner.runRepetition(repo.request(pair(1500)));
    expect(outcome.reason).toBe("the benchmark exited with code 0");
    expect(outcome.status).toBe("succeeded");
    expect(outcome.metrics.latency?.value).toBeGreaterThan(0);
    expect(outcome.metrics.server_requests?.value).toBe(1);
    expect(outcome.metrics.server_uptime?.value).toBe(1);
    const log = await readFile(outcome.logs.output, "utf8");
    expect(log).toMatch(/answer=ok host=maat-docker-pair-[a-z0-9]{8}-server/);
    expect(await readFile(outcome.logs.server as string, "utf8")).toContain("served=1");
    expect(
      runner
        .backendInfo?.()
        .images?.map((i) => i.role)
        .sort(),
    ).toEqual(["benchmark", "server"]);
  }, 120_000);

  it("waits for a listening port when no probe is declared, through Docker's port proxy", async () => {
    const outcome = await repo.runner().runRepetition(repo.request(pair(1500, false, true)));
    expect(outcome.status).toBe("succeeded");
  }, 120_000);

  it("fails without running the client when the server exits before it is ready, and cleans up", async () => {
    const broken = pair(0);
    const server = broken.server as NonNullable<Descriptor["server"]>;
    const outcome = await repo.runner().runRepetition(
      repo.request({
        ...broken,
        server: { ...server, env: { ...server.env, startCommand: "echo no model; exit 4" } },
      }),
    );
    expect(outcome.status).toBe("failed");
    expect(outcome.reason).toMatch(/^the server exited with code 4 before it became ready/);
    expect(await readFile(outcome.logs.server as string, "utf8")).toContain("no model");
  }, 120_000);
});
