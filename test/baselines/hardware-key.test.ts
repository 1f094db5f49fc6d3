import { describe, expect, it } from "vitest";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import { loadReceiptFixture, makeReceipt } from "../fixtures/receipts/make-receipt.js";

describe("hardwareKey", () => {
  it("describes runner labels, CPU, GPUs, driver and framework in readable fields", () => {
    const key = hardwareKey(loadReceiptFixture("resnet50-a100.json"));
    expect(key.fields).toEqual({
      cpu: "AMD EPYC 7R32 48-Core Processor",
      framework: "pytorch 2.3.1",
      gpu: "1x NVIDIA A100-SXM4-80GB",
      gpuDriver: "550.54.15",
      runner: "gpu-a100,linux,self-hosted,x64",
    });
    expect(key.slug).toMatch(/^gpu-a100-linux-self-hosted-x64-1x-nvidia-a100-[a-z0-9-]*[0-9a-f]{8}$/);
  });

  it("uses the descriptor's instance type when the runner has no labels", () => {
    const key = hardwareKey(makeReceipt({ runnerLabels: [] }));
    expect(key.fields.instanceType).toBe("p4d.24xlarge");
    expect(key.fields.runner).toBeUndefined();
    expect(key.slug.startsWith("p4d-24xlarge-1x-nvidia-a100")).toBe(true);
  });

  it("is the same for two runs on the same machine, whatever the label order", () => {
    const a = hardwareKey(makeReceipt({ runnerLabels: ["gpu-a100", "linux"] }));
    const b = hardwareKey(makeReceipt({ runnerLabels: ["linux", "gpu-a100"], resultId: "other" }));
    expect(a).toEqual(b);
  });

  it("never matches across different GPUs, GPU counts, drivers or CPUs", () => {
    const base = hardwareKey(makeReceipt());
    const variants = [
      makeReceipt({ gpus: [{ model: "NVIDIA A100-SXM4-40GB", driver: "550.54.15" }] }),
      makeReceipt({
        gpus: [
          { model: "NVIDIA A100-SXM4-80GB", driver: "550.54.15" },
          { model: "NVIDIA A100-SXM4-80GB", driver: "550.54.15" },
        ],
      }),
      makeReceipt({ gpus: [{ model: "NVIDIA A100-SXM4-80GB", driver: "535.161.08" }] }),
      makeReceipt({ cpuModel: "Intel(R) Xeon(R) Platinum 8275CL CPU @ 3.00GHz" }),
      loadReceiptFixture("resnet50-h100.json"),
    ];
    const slugs = new Set([base.slug, ...variants.map((r) => hardwareKey(r).slug)]);
    expect(slugs.size).toBe(variants.length + 1);
  });

  it("produces a filesystem-safe slug even from odd names", () => {
    const key = hardwareKey(makeReceipt({ runnerLabels: ["../../etc", "Büro GPU #1"], cpuModel: "  x  " }));
    expect(key.slug).toMatch(/^[a-z0-9-]+$/);
    expect(key.slug.length).toBeLessThanOrEqual(57);
  });
});
