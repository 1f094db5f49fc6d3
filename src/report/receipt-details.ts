import type { GpuInfo, ResultReceipt } from "../results/receipt-types.js";
import { cell, code, count, inline, table } from "./markdown-text.js";

const HEADINGS = ["Result", "Source", "Host", "Instance / runner", "Versions", "Repetitions"];

/** What ran where: one row per receipt, collapsed, for a reviewer checking the numbers can be trusted. */
export function renderReceiptDetails(receipts: readonly ResultReceipt[]): string {
  const rows = receipts.map((r) =>
    [
      `${code(r.resultId)}${r.status === "succeeded" ? "" : ` (${r.status.replace("_", " ")})`}`,
      describeSource(r),
      describeHost(r),
      describeInstance(r),
      describeVersions(r),
      describeRepetitions(r),
    ].map(cell),
  );
  const summary = `Run details (${count(receipts.length, "receipt")})`;
  return `<details><summary>${summary}</summary>\n\n${table([HEADINGS, ...rows])}\n\n</details>`;
}

function describeSource(r: ResultReceipt): string {
  const commit = r.source.commit ? code(r.source.commit.slice(0, 7)) : "uncommitted";
  const branch = r.source.branch ? ` on ${code(r.source.branch)}` : "";
  const pr = r.source.pullRequest === undefined ? "" : ` (PR #${r.source.pullRequest})`;
  return `${commit}${branch}${pr}${r.source.dirty ? ", with uncommitted changes" : ""}`;
}

function describeHost(r: ResultReceipt): string {
  const cpu = `${inline(r.host.cpuModel)} (${r.host.cpuCores} cores)`;
  const gpus = describeGpus(r.host.gpus);
  return gpus === "" ? cpu : `${cpu}, ${gpus}`;
}

/** "2x NVIDIA A100-SXM4-80GB (driver 550.54.15)": identical GPUs counted once. */
function describeGpus(gpus: readonly GpuInfo[]): string {
  const groups = new Map<string, number>();
  for (const gpu of gpus) {
    const name = `${gpu.model}${gpu.driver ? ` (driver ${gpu.driver})` : ""}`;
    groups.set(name, (groups.get(name) ?? 0) + 1);
  }
  return [...groups].map(([name, n]) => `${n}x ${inline(name)}`).join(", ");
}

/** The instance types actually used (Kubernetes nodes), else the one asked for, then the CI runner. */
function describeInstance(r: ResultReceipt): string {
  const used = [
    ...new Set((r.backend.cluster?.nodes ?? []).flatMap((n) => (n.instanceType ? [n.instanceType] : []))),
  ];
  const instance = used.length > 0 ? used.join(", ") : `${r.descriptor.hardware.instanceType} (requested)`;
  const parts = [`${inline(instance)}, ${r.backend.kind} runner`];
  const runner = r.host.runner;
  if (runner?.name || runner?.labels?.length) {
    const labels = runner.labels?.length ? ` [${runner.labels.join(", ")}]` : "";
    parts.push(`CI runner ${inline(`${runner.name ?? ""}${labels}`.trim())}`);
  }
  return parts.join("; ");
}

function describeVersions(r: ResultReceipt): string {
  const versions = [`${r.tool.name} ${r.tool.version}`];
  const { framework, frameworkVersion } = r.descriptor.ml;
  if (framework) versions.push(frameworkVersion ? `${framework} ${frameworkVersion}` : framework);
  versions.push(`node ${r.host.nodeVersion}`);
  return inline(versions.join(", "));
}

function describeRepetitions(r: ResultReceipt): string {
  const measured = r.repetitions.filter((rep) => !rep.warmup).length;
  const warmups = r.repetitions.length - measured;
  const warm = warmups > 0 ? ` + ${warmups} warm-up` : "";
  return `${measured}${warm}: ${inline(r.stopReason)}`;
}
