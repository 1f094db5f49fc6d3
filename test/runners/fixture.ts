import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Descriptor, MetricDefinition, Probe } from "../../src/descriptor/types.js";
import type { RepetitionRequest } from "../../src/runners/runner.js";
import { defineMetric } from "../metrics/define-metric.js";

export { defineMetric };

/** A normalized descriptor running `code args` locally, with the given metrics. */
export function makeBenchmark(
  code: string | undefined,
  options: { args?: string; metrics?: MetricDefinition[] } = {},
): Descriptor {
  return {
    id: "bench-local",
    path: "benchmarks/local.toml",
    contentHash: "0".repeat(64),
    specVersion: "0.1.0",
    extensionVersion: "1",
    info: { taskName: "local", description: "", scheduling: "single_run", labels: {} },
    hardware: { instanceType: "local", strategy: "single_node" },
    env: {
      dockerImage: "example/bench:1",
      privileged: false,
      extendedShm: true,
      vars: { GREETING: "hello" },
    },
    ml: {
      ...(code === undefined ? {} : { benchmarkCode: code }),
      ...(options.args === undefined ? {} : { args: options.args }),
    },
    data: { sources: [] },
    customParams: {},
    output: { metrics: options.metrics ?? [] },
    run: { repetitions: 1, warmup: 0, maxRepetitions: 1, targetPrecision: 0.01, watch: [], thresholds: {} },
  };
}

/** Makes a benchmark an inference one: `start` runs the server on `ports`. */
export function withServer(
  descriptor: Descriptor,
  start: string,
  ports: number[],
  probe?: Partial<Probe>,
): Descriptor {
  const readinessProbe: Probe | undefined =
    probe === undefined
      ? undefined
      : {
          path: "/ready",
          scheme: "http",
          port: ports[0] as number,
          initialDelaySeconds: 0,
          periodSeconds: 0.05,
          timeoutSeconds: 0.5,
          successThreshold: 1,
          failureThreshold: 3,
          ...probe,
        };
  return {
    ...descriptor,
    hardware: { ...descriptor.hardware, strategy: "inference" },
    server: {
      hardware: { instanceType: "local" },
      env: {
        dockerImage: "example/server:1",
        privileged: false,
        extendedShm: false,
        ports,
        startCommand: start,
        vars: {},
        ...(readinessProbe === undefined ? {} : { readinessProbe }),
      },
      models: [],
      output: { metrics: [defineMetric("server_requests", "served=(\\d+)")] },
    },
  };
}

export interface Workspace {
  dir: string;
  /** Writes a file into the workspace (the descriptor's folder) and returns its path. */
  write(name: string, content: string | Buffer): Promise<string>;
  request(descriptor: Descriptor, extra?: Partial<RepetitionRequest>): RepetitionRequest;
  read(name: string): Promise<string>;
  remove(): Promise<void>;
}

export async function makeWorkspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), "maat-runner-"));
  return {
    dir,
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, content, { mode: 0o755 });
      return path;
    },
    request: (descriptor, extra = {}) => ({
      descriptor,
      cwd: dir,
      logFile: join(dir, "logs", "rep-1.log"),
      workDir: join(dir, "work", "rep-1"),
      env: { PATH: process.env.PATH },
      ...extra,
    }),
    read: (name) => readFile(join(dir, name), "utf8"),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** True once no process has this pid, or only its zombie is left (polls up to 10 s: a loaded machine is slow to reap). */
export async function isGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    // Orphans are reaped by pid 1, which in some containers never does it.
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    if (/^\d+ \(.*\) Z/.test(stat)) return true;
    await sleep(25);
  }
  return false;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
