import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/defaults.js";
import { codeMode, workspaceDir } from "../../src/runners/code-placement.js";
import { containerPath } from "../../src/runners/container-path.js";
import { command } from "../../src/runners/docker/container-parts.js";
import { createArgs } from "../../src/runners/docker/container-spec.js";
import { gpusFlag, shmOption } from "../../src/runners/docker/hardware-flags.js";
import { makeBenchmark } from "../runners/fixture.js";

const docker = DEFAULT_CONFIG.docker;

describe("docker create arguments", () => {
  it("carry GPUs, shared memory, privileges, env names (not values), read-only mounts and a shell command", () => {
    const args = createArgs({
      name: "maat-resnet-3f9a1c2e",
      image: "pytorch/pytorch:2.3.0",
      labels: { "maat.dev/run-id": "3f9a1c2e" },
      env: { SECRET: "s3cr3t", A: "1" },
      mounts: [
        { source: "/repo", target: "/workspace", readOnly: true },
        { source: "/tmp/a,b", target: "/maat/metrics.jsonl", readOnly: false },
      ],
      workdir: "/workspace/benchmarks/resnet",
      network: "none",
      gpus: "all",
      shm: { size: "2g" },
      privileged: true,
      command: "python train.py --epochs 1",
    });
    expect(args).toEqual([
      "create",
      "--name",
      "maat-resnet-3f9a1c2e",
      "--init",
      "--label",
      "maat.dev/run-id=3f9a1c2e",
      "--env",
      "A",
      "--env",
      "SECRET",
      "--mount",
      "type=bind,source=/repo,target=/workspace,readonly",
      "--mount",
      'type=bind,"source=/tmp/a,b",target=/maat/metrics.jsonl',
      "--workdir",
      "/workspace/benchmarks/resnet",
      "--network",
      "none",
      "--gpus",
      "all",
      "--shm-size",
      "2g",
      "--privileged",
      "--entrypoint",
      "/bin/sh",
      "pytorch/pytorch:2.3.0",
      "-c",
      "python train.py --epochs 1",
    ]);
    expect(args.join(" ")).not.toContain("s3cr3t");
  });

  it("use the host's IPC namespace for shm_size = host and publish server ports on 127.0.0.1 only", () => {
    const args = createArgs({
      name: "s",
      image: "i",
      labels: {},
      env: {},
      mounts: [],
      publish: [8080],
      shm: { ipcHost: true },
      privileged: false,
      args: ["--model", "resnet"],
    });
    expect(args).toEqual([
      "create",
      "--name",
      "s",
      "--init",
      "--publish",
      "127.0.0.1::8080",
      "--ipc",
      "host",
      "i",
      "--model",
      "resnet",
    ]);
  });

  it("run benchmark_code and args through the shell, or the image's entrypoint with args as words", () => {
    expect(command("python train.py", "--lr 0.1")).toEqual({ command: "python train.py --lr 0.1" });
    expect(command(undefined, `--name "a b" --x=1`)).toEqual({ args: ["--name", "a b", "--x=1"] });
    expect(command("  ", undefined)).toEqual({ args: [] });
  });
});

describe("GPU and shared-memory flags", () => {
  it("take gpus_per_instance first, then maat.toml's docker.gpus, then all GPUs of a GPU instance type", () => {
    expect(gpusFlag({ instanceType: "p3.8xlarge", gpusPerInstance: 2 }, { gpus: "all" })).toBe("2");
    expect(gpusFlag({ instanceType: "p3.8xlarge", gpusPerInstance: 0 }, {})).toBeUndefined();
    expect(gpusFlag({ instanceType: "t3.small" }, { gpus: 4 })).toBe("4");
    expect(gpusFlag({ instanceType: "p3.8xlarge" }, { gpus: "none" })).toBeUndefined();
    expect(gpusFlag({ instanceType: "p3.8xlarge" }, {})).toBe("all");
    expect(gpusFlag({ instanceType: "t3.small" }, {})).toBeUndefined();
    // Neuron devices are not GPUs for Docker.
    expect(gpusFlag({ instanceType: "inf2.xlarge" }, {})).toBeUndefined();
  });

  it("give extended_shm a size (default 2g) or the host's IPC namespace", () => {
    expect(shmOption(true, docker.shmSize)).toEqual({ size: "2g" });
    expect(shmOption(true, "host")).toEqual({ ipcHost: true });
    expect(shmOption(false, "8g")).toBeUndefined();
  });
});

describe("paths in containers", () => {
  it("resolve ~ against the image's home (/root unless env.vars.HOME says otherwise) and refuse relative paths", () => {
    expect(containerPath("~/data/tf-imagenet/train", {})).toBe("/root/data/tf-imagenet/train");
    expect(containerPath("~/data", { HOME: "/home/bench" })).toBe("/home/bench/data");
    expect(containerPath("/data/train/", {})).toBe("/data/train");
    expect(containerPath("/models/squeezenet_v1.1.mar", {})).toBe("/models/squeezenet_v1.1.mar");
    expect(containerPath("data/train", {})).toBeUndefined();
  });

  it("put the working directory at the descriptor's folder under /workspace", () => {
    expect(workspaceDir("/repo", "/repo/benchmarks/resnet")).toBe("/workspace/benchmarks/resnet");
    expect(workspaceDir("/repo", "/repo")).toBe("/workspace");
  });

  it('default run.code to "checkout" in a git checkout and to "image" elsewhere', () => {
    const descriptor = makeBenchmark("true");
    expect(codeMode(descriptor, { root: "/r", isGit: true })).toBe("checkout");
    expect(codeMode(descriptor, { root: "/r", isGit: false })).toBe("image");
    expect(
      codeMode({ ...descriptor, run: { ...descriptor.run, code: "image" } }, { root: "/r", isGit: true }),
    ).toBe("image");
  });
});
