import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalRunner } from "../../src/runners/local/local-runner.js";
import { makeProject, minimalDescriptor, repoRoot, writeDescriptor } from "../cli/harness.js";
import { isGone, makeBenchmark, makeWorkspace, type Workspace } from "../runners/fixture.js";

// Issue 10, item 15: processes that leave the benchmark's process group (setsid daemons) and a
// Maat killed with SIGKILL must not leave anything running.
const DAEMON = `setsid sh -c 'echo $$ > daemon.pid; exec sleep 300' > /dev/null 2>&1 &`;

/** Polls until the process is gone, however long a busy machine takes (the test timeout bounds it). */
async function waitGone(pid: number): Promise<void> {
  while (!(await isGone(pid))) await sleep(50);
}

async function waitForFile(file: string): Promise<number> {
  while (!existsSync(file) || readFileSync(file, "utf8").trim() === "") await sleep(25);
  return Number(readFileSync(file, "utf8"));
}

describe("run tracking", () => {
  let workspace: Workspace;
  beforeEach(async () => {
    workspace = await makeWorkspace();
  });
  afterEach(async () => {
    await workspace.remove();
  });

  it("stops a daemon the benchmark started with setsid, and reports it in the outcome", async () => {
    const runner = createLocalRunner({ graceMs: 300 });
    const outcome = await runner.runRepetition(
      workspace.request(makeBenchmark(`${DAEMON} while [ ! -s daemon.pid ]; do sleep 0.01; done; echo done`)),
    );
    expect(outcome.status).toBe("succeeded");
    const daemon = Number(await workspace.read("daemon.pid"));
    expect(await isGone(daemon)).toBe(true);
    expect(outcome.notes.join("\n")).toMatch(
      new RegExp(
        `1 process\\(es\\) the benchmark started were still running .* stopped: ${daemon} \\(sleep 300\\)`,
      ),
    );
  });
});

describe("Maat killed with SIGKILL mid-run", () => {
  const projects: string[] = [];
  afterEach(() => {
    for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("leaves neither the benchmark's group nor its daemons running", async () => {
    const dir = makeProject();
    projects.push(dir);
    const command = `sleep 300 & echo $! > child.pid; ${DAEMON} wait`;
    writeDescriptor(dir, "stuck", minimalDescriptor(command, "[run]\nrepetitions = 1\n"));
    const folder = path.join(dir, "benchmarks/stuck");
    const maat = spawn(
      process.execPath,
      [path.join(repoRoot, "dist/cli.js"), "run", "benchmarks/stuck", "--quiet"],
      {
        cwd: dir,
        stdio: "ignore",
      },
    );
    const child = await waitForFile(path.join(folder, "child.pid"));
    const daemon = await waitForFile(path.join(folder, "daemon.pid"));
    maat.kill("SIGKILL");
    await waitGone(child);
    await waitGone(daemon);
  }, 60_000);
});
