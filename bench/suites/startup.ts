// How fast Maat starts, as users meet it: `maat --help`, `maat validate` of one descriptor and
// the action's plan and report steps on a one-benchmark repository, each against a bare
// `node -e 0` measured in the same run (CPU seconds and peak memory, medians of 5 batches of 10 runs).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type CommandCost, describeCost, measureCommand } from "../measure-command.js";
import type { BenchRow, BenchSuite } from "../row.js";
import { actionEnv } from "./action-env.js";

const root = process.cwd();
const REPEATS = 5;
/** Runs per measurement: a start is tens of milliseconds. */
const BATCH = 10;

/** The CLI's targets are <= 2x a bare node start; the action's steps are measured, with no target. */
function row(name: string, cost: CommandCost, node: CommandCost, targeted = true): BenchRow {
  const ratio = cost.cpuMs / node.cpuMs;
  const memory = cost.maxRssMiB / node.maxRssMiB;
  return {
    suite: "startup",
    case: name,
    value: describeCost(cost),
    reference: `node -e 0: ${describeCost(node)}`,
    ratio,
    target: targeted ? "<= 2x node -e 0 (CPU and memory)" : "-",
    met: targeted ? ratio <= 2 && memory <= 2 : null,
  };
}

export const startupSuite: BenchSuite = {
  name: "startup",
  async run() {
    const workspace = mkdtempSync(path.join(tmpdir(), "maat-bench-startup-"));
    try {
      execFileSync("git", ["init", "-q"], { cwd: workspace });
      mkdirSync(path.join(workspace, "benchmarks/hello"), { recursive: true });
      writeFileSync(
        path.join(workspace, "benchmarks/hello/descriptor.toml"),
        execFileSync("cat", [path.join(root, "benchmarks/hello-world/descriptor.toml")]),
      );
      mkdirSync(path.join(workspace, ".maat/results"), { recursive: true });
      const env = { PATH: process.env.PATH ?? "" };
      const options = { cwd: workspace, env, batch: BATCH };
      const node = measureCommand(REPEATS, [process.execPath, "-e", "0"], options);
      const cli = (...args: string[]) => [process.execPath, path.join(root, "dist/cli.js"), ...args];
      const action = [process.execPath, path.join(root, "dist/action.js")];
      return [
        row("maat --help", measureCommand(REPEATS, cli("--help"), options), node),
        row(
          "maat validate (one descriptor)",
          measureCommand(REPEATS, cli("validate", "benchmarks/hello/descriptor.toml"), options),
          node,
        ),
        row(
          "action plan (one descriptor, cold start)",
          measureCommand(REPEATS, action, {
            cwd: workspace,
            env: actionEnv(workspace, "plan"),
            batch: BATCH,
          }),
          node,
          false,
        ),
        row(
          "action report (no receipts, cold start)",
          measureCommand(REPEATS, action, {
            cwd: workspace,
            env: actionEnv(workspace, "report", { "INPUT_FAIL-ON-REGRESSION": "false" }),
            batch: BATCH,
            // With nothing to report the step fails loudly, by design; its start is what counts.
            allowedExitCodes: [0, 1],
          }),
          node,
          false,
        ),
      ];
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  },
};
