/**
 * `maat run --backend docker` end to end: the hello-world example and an inference pair in
 * containers built here, from a real git checkout mounted at /workspace.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { cli, repoRoot } from "../cli/harness.js";
import { docker, dockerUnavailable, ensureTestImage, maatLeftovers } from "../support/docker/engine.js";

const HELLO_IMAGE = "node:24-slim";
const title =
  dockerUnavailable === undefined
    ? "maat run --backend docker"
    : `maat run --backend docker (skipped: ${dockerUnavailable})`;

describe.skipIf(dockerUnavailable !== undefined)(title, () => {
  let project: string;
  let taggedHello = false;
  let commit: string;

  beforeAll(async () => {
    const image = await ensureTestImage();
    // hello-world names node:24-slim; stand the image built here in for it, unless that tag is already there.
    const present = await docker("image", "ls", "--quiet", HELLO_IMAGE);
    if (present === "") {
      await docker("tag", image, HELLO_IMAGE);
      taggedHello = true;
    }
    project = mkdtempSync(path.join(tmpdir(), "maat-docker-cli-"));
    cpSync(path.join(repoRoot, "benchmarks/hello-world"), path.join(project, "benchmarks/hello-world"), {
      recursive: true,
    });
    cpSync(path.join(repoRoot, "clients"), path.join(project, "clients"), { recursive: true });
    mkdirSync(path.join(project, "benchmarks/pair"), { recursive: true });
    cpSync(path.join(repoRoot, "test/docker-runner/pair"), path.join(project, "benchmarks/pair"), {
      recursive: true,
    });
    writeFileSync(
      path.join(project, "maat.toml"),
      [
        "[docker]",
        'network = "none"',
        'pull = "never"',
        "",
        "[[runners.rules]]",
        'instance_type = "c5.*"',
        'runs_on = ["self-hosted", "docker"]',
        'backend = "docker"',
        "",
      ].join("\n"),
    );
    const git = (...args: string[]) => execFileSync("git", args, { cwd: project, encoding: "utf8" }).trim();
    git("init", "--quiet");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "benchmarks");
    commit = git("rev-parse", "HEAD");
  }, 300_000);

  afterAll(async () => {
    if (taggedHello) await docker("rmi", HELLO_IMAGE);
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
    expect(await maatLeftovers("hello-world", "pair")).toEqual({ containers: [], networks: [] });
  });

  function receiptOf(out: string): ResultReceipt {
    const run = (JSON.parse(out) as { runs: Array<{ receipt: string }> }).runs[0];
    return JSON.parse(readFileSync(path.join(project, run?.receipt as string), "utf8")) as ResultReceipt;
  }

  it("runs hello-world in its image with the checkout mounted, and the receipt names the image id and the commit", async () => {
    const { code, out, err } = await cli(project, [
      "run",
      "benchmarks/hello-world",
      "--backend",
      "docker",
      "--repetitions",
      "1",
      "--warmup",
      "0",
      "--json",
      "--quiet",
    ]);
    expect(err).not.toContain("Error");
    expect(code).toBe(0);
    const receipt = receiptOf(out);
    expect(receipt.status).toBe("succeeded");
    expect(receipt.metrics.ops_per_second?.n).toBe(1);
    expect(receipt.metrics.duration_ms?.n).toBe(1);
    expect(receipt.backend).toMatchObject({
      kind: "docker",
      dockerImageUsed: true,
      images: [
        {
          role: "benchmark",
          reference: HELLO_IMAGE,
          id: await docker("image", "inspect", "--format", "{{.Id}}", HELLO_IMAGE),
        },
      ],
      code: { mode: "checkout", delivery: "bind-mount", path: "/workspace", commit, dirty: false },
    });
  }, 180_000);

  it("routes a descriptor to docker through maat.toml and runs its inference server and client in containers", async () => {
    const { code, out, err } = await cli(project, ["run", "benchmarks/pair", "--json", "--quiet"]);
    expect(err).not.toContain("Error");
    expect(code).toBe(0);
    const receipt = receiptOf(out);
    expect(receipt.status).toBe("succeeded");
    expect(receipt.backend.kind).toBe("docker");
    expect(receipt.backend.images?.map((image) => image.role).sort()).toEqual(["benchmark", "server"]);
    expect(receipt.metrics.latency_ms?.n).toBe(2);
    expect(receipt.metrics.served?.n).toBe(2);
  }, 180_000);
});
