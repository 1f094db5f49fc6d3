/** Shared helpers for the tests of the example benchmarks and emit clients (real child processes). */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseToml } from "smol-toml";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BENCHMARKS = path.join(REPO_ROOT, "benchmarks");
export const CLIENTS = path.join(REPO_ROOT, "clients");

/** The environment children get: Debian's python3 (with torch) first, as in CI. Without MAAT_METRICS_FILE. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYENV_VERSION: "system", ...extra };
  if (!("MAAT_METRICS_FILE" in extra)) delete env.MAAT_METRICS_FILE;
  return env;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (no shell) and collects its output. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Whether `python3` (with PYENV_VERSION=system) can import torch. */
export function torchAvailable(): boolean {
  const result = spawnSync("python3", ["-c", "import torch"], {
    env: childEnv(),
    stdio: "ignore",
    timeout: 60_000,
  });
  return result.status === 0;
}

export interface DeclaredMetric {
  name: string;
  units: string;
  pattern?: string;
  direction?: string;
  aggregate?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: parsed TOML is untyped
export function readDescriptor(example: string): any {
  return parseToml(readFileSync(path.join(BENCHMARKS, example, "descriptor.toml"), "utf8"));
}

export function declaredMetrics(example: string): DeclaredMetric[] {
  return readDescriptor(example).output.metrics as DeclaredMetric[];
}

/** Every value the metric's pattern captures in `log`, line by line, as the runner would. */
export function captured(metric: DeclaredMetric, log: string): number[] {
  if (metric.pattern === undefined) throw new Error(`metric ${metric.name} has no pattern`);
  const regex = new RegExp(metric.pattern);
  const values: number[] = [];
  for (const line of log.split(/\r?\n/)) {
    const match = regex.exec(line);
    if (match?.[1] !== undefined) values.push(Number(match[1]));
  }
  return values;
}

export interface EmittedRecord {
  name: string;
  value: number | string;
  unit?: string;
}

/** The `maat:metric {...}` records printed to stdout. */
export function stdoutRecords(stdout: string): EmittedRecord[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith("maat:metric "))
    .map((line) => JSON.parse(line.slice("maat:metric ".length)) as EmittedRecord);
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, the child exits, or the time is up. */
export async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}
