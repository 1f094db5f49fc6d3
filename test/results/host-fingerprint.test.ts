import { describe, expect, it } from "vitest";
import {
  parseNvidiaSmiCsv,
  readHostFingerprint,
  readNvidiaGpus,
} from "../../src/results/host-fingerprint.js";

describe("host fingerprint", () => {
  it("describes this machine's CPU, memory and OS", async () => {
    const host = await readHostFingerprint({});
    expect(host.cpuCores).toBeGreaterThan(0);
    expect(host.memoryBytes).toBeGreaterThan(0);
    expect(host.cpuModel.length).toBeGreaterThan(0);
    expect(host.nodeVersion).toBe(process.version);
    expect(host.runner).toBeUndefined();
  });

  it("records the runner name and the labels the action passes", async () => {
    const host = await readHostFingerprint({
      RUNNER_NAME: "gpu-07",
      RUNNER_OS: "Linux",
      MAAT_RUNNER_LABELS: "self-hosted, gpu ,a100",
    });
    expect(host.runner).toEqual({ name: "gpu-07", os: "Linux", labels: ["self-hosted", "gpu", "a100"] });
  });

  it("parses nvidia-smi's CSV output", () => {
    const csv = "NVIDIA A100-SXM4-40GB, 535.104.05, 40960\nNVIDIA A100-SXM4-40GB, 535.104.05, 40960\n";
    expect(parseNvidiaSmiCsv(csv)).toEqual([
      { model: "NVIDIA A100-SXM4-40GB", driver: "535.104.05", memoryMiB: 40960 },
      { model: "NVIDIA A100-SXM4-40GB", driver: "535.104.05", memoryMiB: 40960 },
    ]);
  });

  it("reports no GPU when nvidia-smi is absent", async () => {
    expect(await readNvidiaGpus("/nonexistent/nvidia-smi")).toEqual([]);
  });
});
