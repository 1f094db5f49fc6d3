import type { ResultReceipt } from "../results/receipt-types.js";
import { sha256Hex } from "../sha256.js";
import type { HardwareKey } from "./types.js";

/**
 * The hardware key of a result: runner labels (or the descriptor's instance type), CPU
 * model, GPU models and driver, framework and version. Results are only ever compared
 * with baselines of the same key, because a different machine is a different level.
 *
 * @example hardwareKey(receipt).slug // "gpu-a100-1x-nvidia-a100-sxm4-80gb-3fa9c2d1"
 */
export function hardwareKey(receipt: ResultReceipt): HardwareKey {
  const fields: Record<string, string> = {};
  const labels = (receipt.host.runner?.labels ?? []).map(squash).filter((l) => l !== "");
  if (labels.length > 0) fields.runner = [...new Set(labels)].sort().join(",");
  else fields.instanceType = squash(receipt.descriptor.hardware.instanceType);
  fields.cpu = squash(receipt.host.cpuModel) || "unknown";
  const gpus = describeGpus(receipt);
  if (gpus.models !== "") fields.gpu = gpus.models;
  if (gpus.drivers !== "") fields.gpuDriver = gpus.drivers;
  const { framework, frameworkVersion } = receipt.descriptor.ml;
  if (framework) fields.framework = squash(`${framework} ${frameworkVersion ?? ""}`);
  return { fields: sortKeys(fields), slug: slugFor(fields) };
}

/** "2x NVIDIA A100-SXM4-80GB" per distinct model; drivers deduplicated. */
function describeGpus(receipt: ResultReceipt): { models: string; drivers: string } {
  const counts = new Map<string, number>();
  const drivers = new Set<string>();
  for (const gpu of receipt.host.gpus) {
    const model = squash(gpu.model);
    counts.set(model, (counts.get(model) ?? 0) + 1);
    if (gpu.driver) drivers.add(squash(gpu.driver));
  }
  const models = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, count]) => `${count}x ${model}`)
    .join(", ");
  return { models, drivers: [...drivers].sort().join(",") };
}

/** The file name a hardware key gets (readable part, then a hash of the fields). */
export function slugFor(fields: Record<string, string>): string {
  const hash = sha256Hex(JSON.stringify(sortKeys(fields))).slice(0, 8);
  // Readable part: where it ran and on what accelerator (the CPU when there is none).
  const readable = slugify(`${fields.runner ?? fields.instanceType ?? ""} ${fields.gpu ?? fields.cpu ?? ""}`);
  return readable === "" ? hash : `${readable.slice(0, 48).replace(/-+$/, "")}-${hash}`;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function sortKeys(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
