import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { runCli } from "../../src/cli/run-cli.js";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

/** A throwaway repository with Maat's hello-world example and the emit clients it imports. */
export function makeProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "maat-cli-"));
  mkdirSync(path.join(dir, ".git"));
  cpSync(path.join(repoRoot, "benchmarks/hello-world"), path.join(dir, "benchmarks/hello-world"), {
    recursive: true,
  });
  cpSync(path.join(repoRoot, "clients"), path.join(dir, "clients"), { recursive: true });
  return dir;
}

export function writeDescriptor(dir: string, name: string, body: string): void {
  mkdirSync(path.join(dir, "benchmarks", name), { recursive: true });
  writeFileSync(path.join(dir, "benchmarks", name, "descriptor.toml"), body);
}

/** A descriptor running `command`, with one metric `speed` read from `speed=N` lines. */
export const minimalDescriptor = (command: string, extra = "") => `spec_version = "0.1.0"
[info]
task_name = "t"
description = "d"
[hardware]
instance_type = "t3.medium"
strategy = "single_node"
[env]
docker_image = "python:3.11-slim"
[ml]
benchmark_code = ${JSON.stringify(command)}
[[output.metrics]]
name = "speed"
units = "ops/s"
pattern = "speed=([0-9.]+)"
direction = "higher_is_better"
${extra}`;

/** Runs the CLI in-process with captured output, as `maat <argv>` in `cwd` would. */
export async function cli(cwd: string, argv: string[], env: Record<string, string | undefined> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => {
    out += c;
  });
  stderr.on("data", (c) => {
    err += c;
  });
  const code = await runCli({
    argv,
    cwd,
    env: { ...process.env, GITHUB_ACTIONS: undefined, ...env },
    stdout,
    stderr,
    colors: false,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}
