// End-to-end speed of the shipped bundles, measured as users meet them: the action planning
// 1,000 descriptors (target < 1.5 s), the action reporting 1,000 receipts (< 2 s), and
// `maat compare` on 10,000 metrics with 100-run histories (< 1 s). Each is compared with a
// bare `node` start measured in the same run, the floor no bundle can beat.
import { execFileSync, spawnSync } from "node:child_process";
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
import type { BenchRow, BenchSuite } from "../row.js";

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

/** Median wall time of a command over `repeats` runs, in ms. */
function timeCommand(
  repeats: number,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { ...options, stdio: ["ignore", "ignore", "pipe"] });
    times.push(performance.now() - start);
    // `maat compare` exits 1 on the regression the data holds; anything else is a failure.
    const allowed = args.includes("compare") ? [0, 1] : [0];
    if (!allowed.includes(result.status ?? -1)) {
      throw new Error(`${args.join(" ")} failed: ${result.stderr.toString().slice(-500)}`);
    }
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)]!;
}

function actionEnv(
  workspace: string,
  command: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const event = path.join(workspace, "event.json");
  writeFileSync(event, JSON.stringify({ inputs: { benchmarks: "all" } }));
  const output = path.join(workspace, "output");
  const summary = path.join(workspace, "summary");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  return {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "workflow_dispatch",
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    INPUT_COMMAND: command,
    ...extra,
  };
}

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
    schemaVersion: 1,
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

function row(caseName: string, ms: number, targetMs: number, nodeMs: number): BenchRow {
  return {
    suite: "workflow",
    case: caseName,
    value: `${(ms / 1000).toFixed(2)} s`,
    reference: `bare node start ${nodeMs.toFixed(0)} ms`,
    ratio: ms / nodeMs,
    target: `< ${targetMs / 1000} s`,
    met: ms < targetMs,
  };
}

export const workflowSuite: BenchSuite = {
  name: "workflow",
  async run() {
    const workspace = mkdtempSync(path.join(tmpdir(), "maat-bench-workflow-"));
    try {
      const nodeMs = timeCommand(5, ["-e", "0"], { cwd: workspace, env: { PATH: process.env.PATH ?? "" } });
      execFileSync("git", ["init", "-q"], { cwd: workspace });

      for (let i = 0; i < 1000; i++) {
        const dir = path.join(workspace, "benchmarks", `bench-${i}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, "descriptor.toml"), descriptor(i));
      }
      const planMs = timeCommand(3, [actionBundle], { cwd: workspace, env: actionEnv(workspace, "plan") });

      const receipts = await makeReceipts(workspace, 1000);
      rmSync(path.join(workspace, "benchmarks"), { recursive: true, force: true });
      for (const receipt of receipts) {
        const file = path.join(workspace, ".maat/results", `${receipt.resultId}.json`);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(receipt));
      }
      const reportMs = timeCommand(3, [actionBundle], {
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
      const compareMs = timeCommand(3, [cliBundle, "compare", "results", "--json"], {
        cwd: compareDir,
        env: { PATH: process.env.PATH ?? "" },
      });

      return [
        row("action plan: 1,000 descriptors (cold start)", planMs, 1500, nodeMs),
        row("action report: 1,000 receipts", reportMs, 2000, nodeMs),
        row("maat compare: 10,000 metrics x 100-run histories", compareMs, 1000, nodeMs),
      ];
    } finally {
      // MAAT_BENCH_KEEP=1 keeps the generated repository for profiling.
      if (process.env.MAAT_BENCH_KEEP) process.stderr.write(`bench: kept ${workspace}\n`);
      else rmSync(workspace, { recursive: true, force: true });
    }
  },
};
