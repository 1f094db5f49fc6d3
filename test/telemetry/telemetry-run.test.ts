import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readReceipt } from "../../src/results/read-receipts.js";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "../cli/harness.js";

const STAND_IN = path.resolve(import.meta.dirname, "../fixtures/nvidia-smi/nvidia-smi");
let project: string;
let samples: string;

beforeEach(async () => {
  project = makeProject();
  samples = path.join(project, "smi-samples.txt");
  await writeFile(samples, "");
  await writeFile(
    path.join(project, "maat.toml"),
    `[telemetry]\ninterval = "50ms"\nnvidia_smi = ${JSON.stringify(STAND_IN)}\n`,
  );
  // Waits until the stand-in has printed 4 samples, then reports how many it processed.
  const wait = `node -e "const fs=require('fs');const f=process.env.MAAT_FAKE_SMI_SAMPLES;const t=setInterval(()=>{if(fs.readFileSync(f,'utf8').split('\\\\n').length>4){clearInterval(t);console.log('speed=400')}},10)"`;
  writeDescriptor(
    project,
    "gpu",
    minimalDescriptor(
      wait,
      `[[output.metrics]]\nname = "samples"\nunits = "samples"\npattern = "speed=([0-9.]+)"\n\n[[output.efficiency]]\nname = "samples_per_joule"\nmetric = "samples"\n\n[[output.efficiency]]\nname = "speed_per_joule"\nmetric = "speed"\n`,
    ),
  );
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

async function runWith(mode: string, env: Record<string, string> = {}): Promise<ResultReceipt> {
  const run = await cli(project, ["run", "benchmarks/gpu", "--quiet", "--json", "--repetitions", "1"], {
    MAAT_FAKE_SMI_MODE: mode,
    MAAT_FAKE_SMI_SAMPLES: samples,
    ...env,
  });
  expect(run.code, run.err).toBe(0);
  // Read back through the schema check, as compare and report do.
  return readReceipt(path.join(project, JSON.parse(run.out).runs[0].receipt));
}

describe("GPU and process telemetry with a stand-in nvidia-smi", () => {
  it("records each repetition's GPU series and derives utilization, memory, energy and efficiency", async () => {
    const receipt = await runWith("normal");
    const telemetry = receipt.repetitions.find((r) => !r.warmup)?.telemetry;
    expect(telemetry?.problems).toEqual([]);
    expect(telemetry?.gpus.map((g) => g.index)).toEqual([0, 1]);
    const gpu0 = telemetry!.gpus[0]!;
    expect(gpu0.name).toBe("NVIDIA H100 80GB HBM3");
    expect(gpu0.t.length).toBeGreaterThanOrEqual(4);
    expect(gpu0.powerW.slice(0, 4)).toEqual([100, 150, 200, 250]);
    expect(gpu0.summary.energyJ).toBeGreaterThan(0);

    const m = receipt.metrics;
    expect(m["gpu.utilization.peak"]?.values[0]).toBeGreaterThanOrEqual(81);
    expect(m["gpu.memory.peak"]?.values[0]).toBeGreaterThanOrEqual(4001);
    expect(m["gpu.energy"]).toMatchObject({ unit: "J", direction: "lower_is_better" });
    const energy = gpu0.summary.energyJ! + telemetry!.gpus[1]!.summary.energyJ!;
    expect(m["gpu.energy"]?.values[0]).toBeCloseTo(energy, 2);
    expect(m.samples_per_joule?.values[0]).toBeCloseTo(400 / energy, 6);
    expect(m.samples_per_joule).toMatchObject({ unit: "samples/J", direction: "higher_is_better" });
    // speed is a rate (ops/s): divided by the mean power.
    expect(m.speed_per_joule?.values[0]).toBeCloseTo(400 / (energy / (telemetry!.durationMs / 1000)), 6);
    expect(m["cpu.time"]?.values[0]).toBeGreaterThanOrEqual(0);
    expect(m["memory.rss.peak"]?.values[0]).toBeGreaterThan(1);
  });

  it("goes on without power when nvidia-smi says [N/A], and says why efficiency is missing", async () => {
    const receipt = await runWith("na");
    expect(receipt.status).toBe("succeeded");
    expect(receipt.metrics["gpu.energy"]).toBeUndefined();
    expect(receipt.metrics["gpu.utilization.mean"]?.n).toBe(1);
    expect(receipt.metrics.samples_per_joule?.problems).toEqual([
      { repetition: 1, problem: "missing", detail: "no GPU power readings" },
    ]);
  });

  it("records a failing nvidia-smi once and runs the benchmark all the same", async () => {
    // The stand-in writes no samples when it fails; its invocation log (restarts) stands in.
    const receipt = await runWith("fail", { MAAT_FAKE_SMI_LOG: samples });
    expect(receipt.status).toBe("succeeded");
    const problems = receipt.repetitions.find((r) => !r.warmup)?.telemetry?.problems ?? [];
    expect(problems.filter((p) => p.startsWith("nvidia-smi: NVIDIA-SMI has failed"))).toHaveLength(1);
    expect(problems.filter((p) => p.startsWith("nvidia-smi exited with code 9"))).toHaveLength(1);
    expect(receipt.metrics["gpu.energy"]).toBeUndefined();
    expect(receipt.metrics["cpu.time"]?.n).toBe(1);
  });

  it("records a GPU that disappears mid-run once and keeps sampling the others", async () => {
    const receipt = await runWith("lose");
    const telemetry = receipt.repetitions.find((r) => !r.warmup)?.telemetry;
    expect(telemetry?.problems.filter((p) => p.includes("GPU is lost"))).toHaveLength(1);
    expect(telemetry?.gpus[0]?.t.length).toBeGreaterThan(telemetry?.gpus[1]?.t.length ?? 0);
    expect(receipt.status).toBe("succeeded");
  });

  it("without nvidia-smi, records no GPUs and no problem", async () => {
    await writeFile(
      path.join(project, "maat.toml"),
      `[telemetry]\ninterval = "50ms"\nnvidia_smi = "/nonexistent/nvidia-smi"\n`,
    );
    await writeFile(samples, "1\n2\n3\n4\n5\n");
    const receipt = await runWith("normal");
    const telemetry = receipt.repetitions.find((r) => !r.warmup)?.telemetry;
    expect(telemetry).toMatchObject({ gpus: [], problems: [] });
    expect(Object.keys(receipt.metrics).filter((n) => n.startsWith("gpu."))).toEqual([]);
  });
});
