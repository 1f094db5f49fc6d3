// End-to-end cost of the shipped bundles, measured as users meet them (CPU seconds, wall time,
// peak memory; medians): `maat plan --dispatch all` over 1,000 descriptors (< 0.6 CPU s and
// < 1.5 s wall), the action planning 1,000 descriptors and reporting 1,000 receipts, and
// `maat compare` on 10,000 metrics with 100-run histories (< 1 CPU s, < 300 MiB). Each is
// compared with a bare `node -e 0` measured in the same run, the floor no bundle can beat.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serializeBaseline } from "../../src/baselines/serialize.js";
import type { Baseline } from "../../src/baselines/types.js";
import { loadDescriptor } from "../../src/descriptor/index.js";
import { readHostFingerprint } from "../../src/results/host-fingerprint.js";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { runBenchmark } from "../../src/run/run-benchmark.js";
import { createLocalRunner, DOCKER_IMAGE_NOTE } from "../../src/runners/local/local-runner.js";
import { summarize } from "../../src/stats/summary.js";
import { type CommandCost, describeCost, measureCommand } from "../measure-command.js";
import type { BenchRow, BenchSuite } from "../row.js";
import { actionEnv } from "./action-env.js";

const root = process.cwd();
const actionBundle = path.join(root, "dist/action.js");
const cliBundle = path.join(root, "dist/cli.js");

const descriptor = (i: number) => `spec_version = "0.1.0"
[info]
task_name = "bench ${i}"
description = "generated"
[hardware]
instance_type = "p3.${i % 3 === 0 ? "2" : "8"}xlarge"
strategy = "single_node"
[env]
docker_image = "python:3.11-slim"
[ml]
benchmark_code = "echo speed=${100 + (i % 7)}"
[run]
repetitions = 5
[[output.metrics]]
name = "speed"
units = "ops/s"
pattern = "speed=([0-9.]+)"
`;

/** One real receipt of a trivial benchmark, cloned into `count` benchmarks. */
async function makeReceipts(workspace: string, count: number): Promise<ResultReceipt[]> {
  mkdirSync(path.join(workspace, "benchmarks/seed"), { recursive: true });
  writeFileSync(path.join(workspace, "benchmarks/seed/descriptor.toml"), descriptor(0));
  const loaded = await loadDescriptor("benchmarks/seed/descriptor.toml", { repoRoot: workspace });
  const { receipt } = await runBenchmark({
    descriptor: loaded,
    descriptorDir: path.join(workspace, "benchmarks/seed"),
    runner: createLocalRunner(),
    resultsDir: path.join(workspace, "seed-results"),
    env: process.env,
    source: { commit: "0123456789abcdef0123456789abcdef01234567" },
    host: await readHostFingerprint({}),
    backend: { kind: "local", dockerImageUsed: false, note: DOCKER_IMAGE_NOTE },
    signal: new AbortController().signal,
  });
  return Array.from({ length: count }, (_, i) => {
    const id = `bench-${i}`;
    return {
      ...receipt,
      resultId: `${id}/20261124T120000000Z-0123456`,
      benchmark: { ...receipt.benchmark, id },
      descriptor: { ...receipt.descriptor, id },
    };
  });
}

/** A baseline of `runs` accepted runs with `metrics` metrics each, around level 100. */
function makeBaseline(
  benchmarkId: string,
  slug: string,
  fields: Record<string, string>,
  metrics: number,
  runs: number,
): Baseline {
  let seed = benchmarkId.length * 7919 + metrics;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31 - 0.5;
  };
  const names = Array.from({ length: metrics }, (_, m) => `metric_${m}`);
  return {
    schemaVersion: 2,
    benchmarkId,
    hardware: { slug, fields },
    metrics: Object.fromEntries(names.map((n) => [n, { unit: "ms", direction: "lower_is_better" as const }])),
    resets: [],
    runs: Array.from({ length: runs }, (_, r) => ({
      resultId: `${benchmarkId}/2026010${r}T000000000Z-${String(r).padStart(7, "0")}`,
      commit: `${String(r).padStart(7, "0")}${"a".repeat(33)}`,
      date: new Date(Date.UTC(2026, 0, 1, r)).toISOString(),
      metrics: Object.fromEntries(
        names.map((n) => {
          const values = Array.from({ length: 5 }, () => 100 * (1 + 0.02 * noise()));
          return [n, { summary: summarize(values), values }];
        }),
      ),
    })),
  } as Baseline;
}

function row(
  caseName: string,
  cost: CommandCost,
  node: CommandCost,
  target: { cpuMs?: number; wallMs?: number; rssMiB?: number },
): BenchRow {
  const parts: string[] = [];
  if (target.cpuMs !== undefined) parts.push(`< ${target.cpuMs / 1000} CPU s`);
  if (target.wallMs !== undefined) parts.push(`< ${target.wallMs / 1000} s wall`);
  if (target.rssMiB !== undefined) parts.push(`< ${target.rssMiB} MiB`);
  return {
    suite: "workflow",
    case: caseName,
    value: describeCost(cost),
    reference: `node -e 0: ${describeCost(node)}`,
    ratio: cost.cpuMs / node.cpuMs,
    target: parts.join(", "),
    met:
      (target.cpuMs === undefined || cost.cpuMs < target.cpuMs) &&
      (target.wallMs === undefined || cost.wallMs < target.wallMs) &&
      (target.rssMiB === undefined || cost.maxRssMiB < target.rssMiB),
  };
}

export const workflowSuite: BenchSuite = {
  name: "workflow",
  async run() {
    const workspace = mkdtempSync(path.join(tmpdir(), "maat-bench-workflow-"));
    try {
      const plainEnv = { PATH: process.env.PATH ?? "" };
      const node = measureCommand(5, [process.execPath, "-e", "0"], { cwd: workspace, env: plainEnv });
      execFileSync("git", ["init", "-q"], { cwd: workspace });

      for (let i = 0; i < 1000; i++) {
        const dir = path.join(workspace, "benchmarks", `bench-${i}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, "descriptor.toml"), descriptor(i));
      }
      execFileSync("git", ["add", "-A"], { cwd: workspace });
      execFileSync(
        "git",
        ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-qm", "descriptors"],
        {
          cwd: workspace,
        },
      );
      const cliPlan = measureCommand(
        5,
        [process.execPath, cliBundle, "plan", "--dispatch", "all", "--json"],
        {
          cwd: workspace,
          env: plainEnv,
        },
      );
      const actionPlan = measureCommand(3, [process.execPath, actionBundle], {
        cwd: workspace,
        env: actionEnv(workspace, "plan"),
      });

      const receipts = await makeReceipts(workspace, 1000);
      rmSync(path.join(workspace, "benchmarks"), { recursive: true, force: true });
      for (const receipt of receipts) {
        const file = path.join(workspace, ".maat/results", `${receipt.resultId}.json`);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(receipt));
      }
      const actionReport = measureCommand(3, [process.execPath, actionBundle], {
        cwd: workspace,
        env: actionEnv(workspace, "report", { "INPUT_FAIL-ON-REGRESSION": "false" }),
      });

      // 100 benchmarks x 100 metrics, each with a 100-run history on the candidate's hardware.
      const compareDir = path.join(workspace, "compare");
      const { hardwareKey } = await import("../../src/baselines/hardware-key.js");
      const key = hardwareKey(receipts[0]!);
      const candidates: ResultReceipt[] = [];
      for (let b = 0; b < 100; b++) {
        const id = `wide-${b}`;
        const baseline = makeBaseline(id, key.slug, key.fields, 100, 100);
        mkdirSync(path.join(compareDir, "baselines", id), { recursive: true });
        writeFileSync(
          path.join(compareDir, "baselines", id, `${key.slug}.json`),
          serializeBaseline(baseline),
        );
        const template = receipts[0]!;
        const metrics = Object.fromEntries(
          Object.keys(baseline.metrics).map((name) => {
            const values = [100, 101, 99, 100.5, 99.5].map((v) =>
              b === 0 && name === "metric_0" ? v * 1.1 : v,
            );
            const { n, mean, median, stddev, min, max } = summarize(values);
            return [
              name,
              {
                name,
                unit: "ms",
                direction: "lower_is_better" as const,
                values,
                ...{ n, mean, median, stddev, min, max },
                problems: [],
              },
            ];
          }),
        );
        candidates.push({
          ...template,
          resultId: `${id}/20261124T120000000Z-0123456`,
          benchmark: { ...template.benchmark, id },
          descriptor: {
            ...template.descriptor,
            id,
            output: {
              metrics: Object.keys(metrics).map((name) => ({
                name,
                units: "ms",
                direction: "lower_is_better" as const,
                directionInferred: false,
                aggregate: "last" as const,
                thresholds: {},
              })),
            },
          },
          metrics,
        });
      }
      for (const receipt of candidates) {
        const file = path.join(compareDir, "results", `${receipt.resultId}.json`);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(receipt));
      }
      // `maat compare` exits 1 on the regression the data holds.
      const compare = measureCommand(5, [process.execPath, cliBundle, "compare", "results", "--json"], {
        cwd: compareDir,
        env: plainEnv,
        allowedExitCodes: [0, 1],
      });

      return [
        row("maat plan --dispatch all: 1,000 descriptors", cliPlan, node, { cpuMs: 600, wallMs: 1500 }),
        row("action plan: 1,000 descriptors (cold start)", actionPlan, node, { wallMs: 1500 }),
        row("action report: 1,000 receipts", actionReport, node, { wallMs: 2000 }),
        row("maat compare: 10,000 metrics x 100-run histories", compare, node, { cpuMs: 1000, rssMiB: 300 }),
      ];
    } finally {
      // MAAT_BENCH_KEEP=1 keeps the generated repository for profiling.
      if (process.env.MAAT_BENCH_KEEP) process.stderr.write(`bench: kept ${workspace}\n`);
      else rmSync(workspace, { recursive: true, force: true });
    }
  },
};
