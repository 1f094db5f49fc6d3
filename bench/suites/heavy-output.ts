// Heavy output: a benchmark printing 20 MB, timed by the local runner against the same command
// with its output thrown away. The log must not slow the benchmark (it used to: 12.2 s vs 0.18 s).
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalRunner } from "../../src/runners/local/local-runner.js";
import type { BenchRow, BenchSuite } from "../row.js";

const COMMAND = "head -c 20000000 /dev/zero | tr '\\0' 'x' | fold -w 100";

export const heavyOutputSuite: BenchSuite = {
  name: "heavy-output",
  async run(): Promise<BenchRow[]> {
    const dir = await mkdtemp(join(tmpdir(), "maat-bench-heavy-"));
    try {
      const rawStart = performance.now();
      spawnSync("/bin/sh", ["-c", `${COMMAND} | cat > /dev/null`]);
      const rawMs = performance.now() - rawStart;
      const outcome = await createLocalRunner().runRepetition({
        descriptor: {
          id: "heavy",
          path: "heavy.toml",
          contentHash: "",
          specVersion: "0.1.0",
          extensionVersion: "1",
          info: { taskName: "heavy", description: "", scheduling: "single_run", labels: {} },
          hardware: { instanceType: "local", strategy: "single_node" },
          env: { dockerImage: "", privileged: false, extendedShm: false, vars: {} },
          ml: { benchmarkCode: COMMAND },
          data: { sources: [] },
          customParams: {},
          output: { metrics: [] },
          run: {
            repetitions: 1,
            warmup: 0,
            maxRepetitions: 1,
            targetPrecision: 0.01,
            watch: [],
            thresholds: {},
          },
        },
        cwd: dir,
        logFile: join(dir, "rep.log"),
        workDir: join(dir, "work"),
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin" },
      });
      const logBytes = (await stat(join(dir, "rep.log"))).size;
      const ratio = outcome.durationMs / rawMs;
      return [
        {
          suite: "heavy-output",
          case: "20 MB of output: measured duration",
          value: `${(outcome.durationMs / 1000).toFixed(2)} s`,
          reference: `output piped to cat: ${(rawMs / 1000).toFixed(2)} s`,
          ratio,
          target: "<= 5x",
          met: ratio <= 5,
        },
        {
          suite: "heavy-output",
          case: "20 MB of output: log size",
          value: `${(logBytes / 2 ** 20).toFixed(1)} MiB`,
          reference: "cap: 16 MiB (head and tail) plus one line",
          ratio: null,
          target: "<= 16.1 MiB",
          met: logBytes <= 16.1 * 2 ** 20,
        },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
