import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import type { GpuInfo, HostFingerprint } from "./receipt-types.js";

/**
 * Describes the machine a run happened on: what makes two results comparable (or not).
 * GPUs come from `nvidia-smi` when it answers; a machine without one simply has none.
 */
export async function readHostFingerprint(env: Record<string, string | undefined>): Promise<HostFingerprint> {
  const cpus = os.cpus();
  const fingerprint: HostFingerprint = {
    hostname: os.hostname(),
    os: await readOsName(),
    platform: os.platform(),
    kernel: os.release(),
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cpuCores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    gpus: await readNvidiaGpus(),
    nodeVersion: process.version,
  };
  const runner = readRunner(env);
  if (runner) fingerprint.runner = runner;
  return fingerprint;
}

async function readOsName(): Promise<string> {
  try {
    const text = await readFile("/etc/os-release", "utf8");
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text);
    if (pretty?.[1]) return pretty[1];
  } catch {
    // Not Linux, or a minimal image: fall back to what Node knows.
  }
  return `${os.type()} ${os.release()}`;
}

/** `nvidia-smi` output parsed into GPU entries; [] when the tool is absent or fails. */
export async function readNvidiaGpus(command = "nvidia-smi"): Promise<GpuInfo[]> {
  const output = await new Promise<string | undefined>((resolve) => {
    execFile(
      command,
      ["--query-gpu=name,driver_version,memory.total", "--format=csv,noheader,nounits"],
      { timeout: 10_000 },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
  return output === undefined ? [] : parseNvidiaSmiCsv(output);
}

export function parseNvidiaSmiCsv(csv: string): GpuInfo[] {
  return csv
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [model = "unknown", driver, memory] = line.split(",").map((field) => field.trim());
      const gpu: GpuInfo = { model };
      if (driver) gpu.driver = driver;
      const memoryMiB = Number(memory);
      if (memory && Number.isFinite(memoryMiB)) gpu.memoryMiB = memoryMiB;
      return gpu;
    });
}

function readRunner(env: Record<string, string | undefined>): HostFingerprint["runner"] | undefined {
  const labels = env.MAAT_RUNNER_LABELS?.split(",")
    .map((label) => label.trim())
    .filter(Boolean);
  if (!env.RUNNER_NAME && !labels?.length) return undefined;
  const runner: NonNullable<HostFingerprint["runner"]> = {};
  if (env.RUNNER_NAME) runner.name = env.RUNNER_NAME;
  if (labels?.length) runner.labels = labels;
  if (env.RUNNER_OS) runner.os = env.RUNNER_OS;
  if (env.RUNNER_ARCH) runner.arch = env.RUNNER_ARCH;
  return runner;
}
