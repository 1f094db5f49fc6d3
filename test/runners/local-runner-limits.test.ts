import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalRunner } from "../../src/runners/local/local-runner.js";
import { defineMetric, isGone, makeBenchmark, makeWorkspace, type Workspace } from "./fixture.js";

const runner = createLocalRunner({ graceMs: 300 });
let workspace: Workspace;
beforeEach(async () => {
  workspace = await makeWorkspace();
});
afterEach(async () => {
  await workspace.remove();
});

/** A benchmark that starts a background grandchild, writes its pid, then waits forever. */
const SPAWNS_GRANDCHILD = "sleep 300 & echo $! > grandchild.pid; echo started; wait";

describe("the local runner's limits", () => {
  it("stops the whole process group at the time limit, grandchildren included", async () => {
    const started = performance.now();
    const outcome = await runner.runRepetition(
      workspace.request(makeBenchmark(SPAWNS_GRANDCHILD), { timeLimitMs: 500 }),
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(outcome.status).toBe("timed_out");
    expect(outcome.reason).toContain("time limit of 0.5 s");
    const grandchild = Number(await workspace.read("grandchild.pid"));
    expect(await isGone(grandchild)).toBe(true);
  });

  it("uses SIGKILL on a benchmark that ignores SIGTERM", async () => {
    const outcome = await runner.runRepetition(
      workspace.request(makeBenchmark("trap '' TERM; while true; do sleep 0.05; done"), { timeLimitMs: 300 }),
    );
    expect(outcome.status).toBe("timed_out");
    expect(outcome.durationMs).toBeLessThan(3000);
  });

  it("cleans up background processes a benchmark leaves behind when it exits", async () => {
    const outcome = await runner.runRepetition(
      workspace.request(makeBenchmark("sleep 300 & echo $! > grandchild.pid; echo done")),
    );
    expect(outcome.status).toBe("succeeded");
    expect(await isGone(Number(await workspace.read("grandchild.pid")))).toBe(true);
  });

  it("cancels on abort: the group is stopped and the status is error", async () => {
    const controller = new AbortController();
    const running = runner.runRepetition(
      workspace.request(makeBenchmark(SPAWNS_GRANDCHILD), {
        signal: controller.signal,
        onOutput: (chunk) => {
          if (chunk.toString().includes("started")) controller.abort();
        },
      }),
    );
    const outcome = await running;
    expect(outcome).toMatchObject({ status: "error", reason: "cancelled" });
    expect(await isGone(Number(await workspace.read("grandchild.pid")))).toBe(true);
  });

  it("streams 200 MB of output through the capped log without holding it in memory", async () => {
    // 200 MiB of 100-byte lines, a metric on every 1000th.
    await workspace.write(
      "flood.mjs",
      [
        'const line = "x".repeat(99) + "\\n";',
        "const block = line.repeat(999) + 'step loss=0.5\\n';",
        "let left = 2100;",
        "const pump = () => { while (left > 0) { left--; if (!process.stdout.write(block)) return process.stdout.once('drain', pump); } };",
        "pump();",
      ].join("\n"),
    );
    const descriptor = makeBenchmark(`"${process.execPath}" flood.mjs`, {
      metrics: [defineMetric("loss", "loss=([0-9.]+)")],
    });
    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakArrayBuffers = before.arrayBuffers;
    const outcome = await runner.runRepetition(
      workspace.request(descriptor, {
        onOutput: () => {
          const now = process.memoryUsage();
          peakHeap = Math.max(peakHeap, now.heapUsed);
          peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers);
        },
      }),
    );
    expect(outcome.status).toBe("succeeded");
    expect(outcome.metrics.loss?.count).toBe(2100);
    // The log keeps its first and last 8 MiB and says how much was cut (issue 10, item 14).
    expect((await stat(outcome.logs.output)).size).toBeLessThan(16 * 2 ** 20 + 200);
    expect(outcome.notes.join("\n")).toMatch(/of the benchmark's 209819400 bytes of output were cut/);
    // Loose bounds: far below the 200 MB that went through.
    expect(peakHeap - before.heapUsed).toBeLessThan(80_000_000);
    expect(peakArrayBuffers - before.arrayBuffers).toBeLessThan(80_000_000);
  }, 60_000);

  it("keeps the metrics file per repetition in the work folder", async () => {
    const request = workspace.request(makeBenchmark(`echo '{"name":"x","value":1}' >> "$MAAT_METRICS_FILE"`));
    const outcome = await runner.runRepetition(request);
    expect(outcome.metrics.x?.value).toBe(1);
    expect(await readFile(join(request.workDir, "metrics.jsonl"), "utf8")).toContain('"x"');
  });
});
