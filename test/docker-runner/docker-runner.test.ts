/**
 * The Docker runner against a real engine (Debian's docker.io, started by .ci/run) and an
 * image built here. Single containers run with `--network none`; nothing is pulled.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defineMetric } from "../runners/fixture.js";
import { docker, dockerUnavailable, ensureTestImage, maatLeftovers } from "../support/docker/engine.js";
import { containerBenchmark, makeRepo, type Repo } from "./helpers.js";

const title =
  dockerUnavailable === undefined ? "the Docker runner" : `the Docker runner (skipped: ${dockerUnavailable})`;

describe.skipIf(dockerUnavailable !== undefined)(title, () => {
  let image: string;
  let repo: Repo;
  beforeAll(async () => {
    image = await ensureTestImage();
  }, 300_000);
  beforeEach(async () => {
    repo = await makeRepo();
  });
  afterEach(async () => {
    await repo.remove();
  });
  afterAll(async () => {
    // Nothing of any run is left behind: `docker ps -a` shows no Maat container or network.
    expect(await maatLeftovers("docker-bench")).toEqual({ containers: [], networks: [] });
  });

  it("runs the command in the image, in the descriptor's folder of the read-only checkout, with metrics from the log and the emit file", async () => {
    await repo.write("clients/node/maat-emit.mjs", await readFile("clients/node/maat-emit.mjs", "utf8"));
    await repo.write(
      "benchmarks/bench/bench.mjs",
      [
        'import { emit } from "../../clients/node/maat-emit.mjs";',
        'import { writeFileSync } from "node:fs";',
        'console.log("cwd=" + process.cwd() + " greeting=" + process.env.GREETING + " arg=" + process.argv[2]);',
        'console.error("images/sec: 321.5");',
        'emit("latency", 4.25, "ms");',
        'try { writeFileSync("out.txt", "x"); } catch (e) { console.log("write=" + e.code); }',
      ].join("\n"),
    );
    const runner = repo.runner();
    const descriptor = containerBenchmark(image, "node bench.mjs", {
      args: "first",
      metrics: [defineMetric("throughput", "images/sec: ([0-9.]+)"), defineMetric("latency", undefined)],
    });
    const outcome = await runner.runRepetition(repo.request(descriptor));
    const log = await readFile(outcome.logs.output, "utf8");
    expect(log).toContain("cwd=/workspace/benchmarks/bench greeting=hello arg=first");
    expect(log).toContain("write=EROFS");
    expect(outcome).toMatchObject({
      status: "succeeded",
      exitCode: 0,
      reason: "the benchmark exited with code 0",
    });
    expect(outcome.metrics.throughput?.value).toBe(321.5);
    expect(outcome.metrics.latency?.value).toBe(4.25);
    const backend = runner.backendInfo?.();
    const id = await docker("image", "inspect", "--format", "{{.Id}}", image);
    expect(backend).toMatchObject({
      kind: "docker",
      dockerImageUsed: true,
      images: [{ role: "benchmark", reference: image, id, digests: [] }],
      code: { mode: "checkout", delivery: "bind-mount", path: "/workspace", commit: expect.any(String) },
    });
  }, 120_000);

  it("reports a failing exit code and the image's own entrypoint runs the args when there is no benchmark_code", async () => {
    const failing = await repo
      .runner()
      .runRepetition(repo.request(containerBenchmark(image, "echo boom; exit 3")));
    expect(failing).toMatchObject({
      status: "failed",
      exitCode: 3,
      reason: "the benchmark exited with code 3",
    });
    const entrypoint = containerBenchmark(image, undefined, { args: "echo 'from the entrypoint'" });
    // The imported image has no entrypoint: the args are the whole command.
    const ran = await repo.runner({}, false).runRepetition(repo.request(entrypoint, "rep-2"));
    expect(ran.status).toBe("succeeded");
    expect(await readFile(ran.logs.output, "utf8")).toContain("from the entrypoint");
  }, 120_000);

  it("stops the container itself at the time limit and when cancelled, and removes it", async () => {
    const slow = containerBenchmark(image, "echo started; sleep 600");
    const timed = await repo.runner().runRepetition(repo.request(slow, "rep-1", { timeLimitMs: 1500 }));
    expect(timed.status).toBe("timed_out");
    expect(timed.reason).toBe("the benchmark exceeded its time limit of 1.5 s and its container was stopped");
    expect(await readFile(timed.logs.output, "utf8")).toContain("started");

    const controller = new AbortController();
    const running = repo.runner().runRepetition(
      repo.request(slow, "rep-2", {
        signal: controller.signal,
        onOutput: (chunk) => {
          if (chunk.toString().includes("started")) controller.abort();
        },
      }),
    );
    expect(await running).toMatchObject({ status: "error", reason: "cancelled" });
    expect((await maatLeftovers("docker-bench")).containers).toEqual([]);
  }, 120_000);

  it("mounts data sources read-only at their paths: a folder at a folder, a file at a file path, ~ under /root", async () => {
    await repo.write("data/train/a.txt", "alpha");
    await repo.write("models/squeezenet.mar", "model-bytes");
    const descriptor = {
      ...containerBenchmark(
        image,
        'cat /data/train/a.txt; echo; cat /models/squeezenet_v1.1.mar; echo; ls ~/cache; echo "paths $MAAT_DATA_PATH_1 $MAAT_DATA_PATH_2"; touch /data/train/b 2>&1 || echo read-only',
      ),
      data: {
        sources: [
          { src: join(repo.root, "data/train"), path: "/data/train/" },
          { src: `file://${join(repo.root, "models/squeezenet.mar")}`, path: "/models/squeezenet_v1.1.mar" },
          { src: "../../data/train", path: "~/cache" },
        ],
      },
    };
    const outcome = await repo.runner().runRepetition(repo.request(descriptor));
    const log = await readFile(outcome.logs.output, "utf8");
    expect(outcome.status).toBe("succeeded");
    expect(log).toContain("alpha\nmodel-bytes\na.txt\npaths /data/train /models/squeezenet_v1.1.mar");
    expect(log).toMatch(/Read-only file system|read-only/);
  }, 120_000);

  it("mounts a downloaded source from the data cache, its md5 checked on this host first", async () => {
    const body = "remote-bytes";
    const server = createServer((request, response) =>
      response.end(request.url === "/weights.bin" ? body : ""),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const descriptor = {
        ...containerBenchmark(image, "cat /models/weights.bin"),
        data: {
          sources: [
            {
              src: `http://127.0.0.1:${port}/weights.bin`,
              path: "/models/weights.bin",
              md5: createHash("md5").update(body).digest("hex"),
            },
          ],
        },
      };
      const outcome = await repo.runner().runRepetition(repo.request(descriptor));
      expect(outcome.status).toBe("succeeded");
      expect(await readFile(outcome.logs.output, "utf8")).toBe(body);
    } finally {
      server.close();
    }
  }, 120_000);

  // Privileged containers cannot start in this sandbox: `privileged` is checked on the command line (container-spec.test.ts).
  it("gives extended_shm its shared memory and the descriptor's GPUs; an engine without GPUs says what to install", async () => {
    const shm = {
      ...containerBenchmark(image, "df -k /dev/shm | tail -1"),
      env: { dockerImage: image, privileged: false, extendedShm: true, vars: {} },
    };
    const outcome = await repo.runner({ shmSize: "96m" }).runRepetition(repo.request(shm));
    expect(await readFile(outcome.logs.output, "utf8")).toMatch(/\s98304\s/);

    const gpu = {
      ...containerBenchmark(image, "echo never"),
      hardware: { instanceType: "p3.8xlarge", strategy: "single_node" as const },
    };
    const refused = await repo.runner().runRepetition(repo.request(gpu, "rep-2"));
    expect(refused.status).toBe("error");
    expect(refused.reason).toContain("could not be started");
    expect(refused.reason).toContain("NVIDIA Container Toolkit");
  }, 120_000);

  it('refuses an absent image under docker.pull = "never", naming it, and never pulls', async () => {
    const absent = containerBenchmark("maat-test/absent:never", "true");
    await expect(repo.runner({ pull: "never" }).runRepetition(repo.request(absent))).rejects.toThrow(
      'image maat-test/absent:never is not on this machine and docker.pull is "never"',
    );
  });

  it("masks known secrets in the log and the live echo, and keeps the metric a secret-looking line carries", async () => {
    const secret = "ghs_fake_secret_4711";
    const echoed: string[] = [];
    const descriptor = containerBenchmark(image, `echo token=${secret} speed=42`, {
      metrics: [defineMetric("speed", "speed=([0-9.]+)")],
    });
    const outcome = await repo.runner().runRepetition(
      repo.request(descriptor, "rep-1", {
        secrets: [secret],
        onOutput: (chunk) => {
          echoed.push(chunk.toString());
        },
      }),
    );
    const log = await readFile(outcome.logs.output, "utf8");
    expect(log).toContain("token=*** speed=42");
    expect(log).not.toContain(secret);
    expect(echoed.join("")).not.toContain(secret);
    expect(outcome.metrics.speed).toMatchObject({ value: 42 });
  });

  it("fails a command that does not exist with the shell's exit code 127", async () => {
    const outcome = await repo
      .runner()
      .runRepetition(repo.request(containerBenchmark(image, "/no/such/program")));
    expect(outcome.status).toBe("failed");
    expect(outcome.exitCode).toBe(127);
  });
});
