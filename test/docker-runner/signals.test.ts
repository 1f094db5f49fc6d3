/**
 * SIGINT and SIGTERM to a real `maat` process: the benchmark's container is stopped and
 * removed, and the receipt says "cancelled". The CLI is bundled from source for the test.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../cli/harness.js";
import { dockerUnavailable, ensureTestImage, maatLeftovers } from "../support/docker/engine.js";

const title =
  dockerUnavailable === undefined
    ? "maat run --backend docker, interrupted"
    : `maat run --backend docker, interrupted (skipped: ${dockerUnavailable})`;

describe.skipIf(dockerUnavailable !== undefined)(title, () => {
  let dir: string;
  let cli: string;
  let project: string;

  beforeAll(async () => {
    const image = await ensureTestImage();
    dir = mkdtempSync(path.join(tmpdir(), "maat-signals-"));
    // The same bundle as dist/ (code splitting, precompiled schemas), built from this source.
    execFileSync(process.execPath, ["scripts/build.mjs", "--outdir", path.join(dir, "dist")], {
      cwd: repoRoot,
    });
    cli = path.join(dir, "dist", "cli.js");
    project = path.join(dir, "project");
    mkdirSync(path.join(project, "benchmarks", "slow"), { recursive: true });
    writeFileSync(
      path.join(project, "benchmarks", "slow", "descriptor.toml"),
      [
        'spec_version = "0.1.0"',
        "[info]",
        'task_name = "slow"',
        'description = "Runs until it is stopped"',
        "[hardware]",
        'instance_type = "t3.small"',
        'strategy = "single_node"',
        "[env]",
        `docker_image = "${image}"`,
        "extended_shm = false",
        "[ml]",
        'benchmark_code = "echo started; sleep 600"',
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(project, "maat.toml"),
      '[docker]\nnetwork = "none"\npull = "never"\nstop_grace = "2s"\n',
    );
    execFileSync("git", ["init", "--quiet"], { cwd: project });
  }, 120_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s stops and removes the container and records the run as cancelled",
    async (signal) => {
      const child = spawn(process.execPath, [cli, "run", "benchmarks/slow", "--backend", "docker"], {
        cwd: project,
        env: { ...process.env, GITHUB_ACTIONS: "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      await new Promise<void>((resolve) => {
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes("started")) resolve();
        });
        void exited.then(() => resolve());
      });
      child.kill(signal);
      expect(await exited).toBe(1);
      expect(stderr).toContain(`maat: ${signal} received, stopping`);
      expect(await maatLeftovers("slow")).toEqual({ containers: [], networks: [] });
      const results = path.join(project, ".maat", "results", "slow");
      const receipts = readdirSync(results).filter((name) => name.endsWith(".json"));
      const receipt = JSON.parse(readFileSync(path.join(results, receipts.at(-1) as string), "utf8"));
      expect(receipt.status).toBe("error");
      expect(receipt.repetitions[0].reason).toBe("cancelled");
    },
    120_000,
  );
});
