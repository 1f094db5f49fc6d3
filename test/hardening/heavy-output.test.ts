import { readFile, stat } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalRunner } from "../../src/runners/local/local-runner.js";
import { defineMetric, makeBenchmark, makeWorkspace, type Workspace } from "../runners/fixture.js";

// Issue 10, item 14: logs are capped (head and tail kept, the cut said), and the log never
// holds the benchmark back (see `npm run bench -- heavy-output` for the timing).
let workspace: Workspace;
beforeEach(async () => {
  workspace = await makeWorkspace();
});
afterEach(async () => {
  await workspace.remove();
});

describe("a benchmark with heavy output", () => {
  it("keeps the log's head and tail, says what was cut, and reads metrics from all of it", async () => {
    const runner = createLocalRunner({ logCap: { headBytes: 4096, tailBytes: 4096 } });
    const benchmark = makeBenchmark(
      'i=0; while [ $i -lt 20000 ]; do echo "step=$i"; i=$((i+1)); done; echo last-line',
      {
        metrics: [{ ...defineMetric("step", "step=(\\d+)"), aggregate: "max" }],
      },
    );
    const request = workspace.request(benchmark);
    const outcome = await runner.runRepetition(request);
    expect(outcome.status).toBe("succeeded");
    expect(outcome.metrics.step?.value).toBe(19999);
    expect(outcome.metrics.step?.count).toBe(20000);
    const log = await readFile(request.logFile, "utf8");
    expect((await stat(request.logFile)).size).toBeLessThan(4096 * 2 + 200);
    expect(log.startsWith("step=0\n")).toBe(true);
    expect(log.trimEnd().endsWith("last-line")).toBe(true);
    expect(log).toMatch(
      /\[maat: \d+ bytes of output cut here; the log keeps the first 4096 bytes and the last 4096 bytes\]/,
    );
    expect(outcome.notes.join("\n")).toMatch(/bytes of output were cut from the middle of its log/);
  });

  it("a benchmark blocked on nothing but its own output is never paused by the log", async () => {
    // 30 MB through the default caps: the log stays at 16 MiB and the run completes.
    const runner = createLocalRunner();
    const request = workspace.request(
      makeBenchmark("head -c 30000000 /dev/zero | tr '\\0' 'x' | fold -w 200"),
    );
    const outcome = await runner.runRepetition(request);
    expect(outcome.status).toBe("succeeded");
    expect((await stat(request.logFile)).size).toBeLessThanOrEqual(16 * 2 ** 20 + 200);
  });
});
