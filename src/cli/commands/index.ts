import type { Command } from "../command.js";

/** A command as `maat --help` lists it; its code loads only when it runs, so the CLI starts fast. */
export interface CommandEntry {
  name: string;
  /** One line for `maat --help`. */
  summary: string;
  load(): Promise<Command>;
}

/** Every `maat` command, in the order `maat --help` lists them. */
export const commands: CommandEntry[] = [
  {
    name: "validate",
    summary: "Check benchmark descriptors and report every problem with its line",
    load: async () => (await import("./validate.js")).validateCommand,
  },
  {
    name: "run",
    summary: "Run benchmarks (locally, in Docker or on Kubernetes) and write result receipts",
    load: async () => (await import("./run.js")).runCommand,
  },
  {
    name: "data",
    summary: "Fetch benchmark data into the cache ahead of a run, or recheck the cache",
    load: async () => (await import("./data.js")).dataCommand,
  },
  {
    name: "results",
    summary: "List, show, push and pull result receipts (.maat/results/, S3)",
    load: async () => (await import("./results.js")).resultsCommand,
  },
  {
    name: "import",
    summary:
      "Turn pytest-benchmark, Google Benchmark, hyperfine, Criterion, go test, MLPerf... results into a receipt",
    load: async () => (await import("./import.js")).importCommand,
  },
  {
    name: "compare",
    summary: "Compare result receipts with their baselines and print verdicts",
    load: async () => (await import("./compare.js")).compareCommand,
  },
  {
    name: "baseline",
    summary: "Update or show the baselines results are compared with, or accept a new level",
    load: async () => (await import("./baseline.js")).baselineCommand,
  },
  {
    name: "detect",
    summary: "Find change points in a metric's history, or replay the gate over it",
    load: async () => (await import("./detect.js")).detectCommand,
  },
  {
    name: "dashboard",
    summary: "Build a static site of benchmark history: charts, change points, verdicts",
    load: async () => (await import("./dashboard.js")).dashboardCommand,
  },
  {
    name: "plan",
    summary: "Show which benchmarks an event would run, and where",
    load: async () => (await import("./plan.js")).planCommand,
  },
  {
    name: "render",
    summary: "Print the Kubernetes manifests for a descriptor without running anything",
    load: async () => (await import("./render.js")).renderCommand,
  },
];
