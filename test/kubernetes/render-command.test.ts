import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { parseAllDocuments } from "yaml";
import type { CommandContext } from "../../src/cli/command.js";
import { renderCommand } from "../../src/cli/commands/render.js";
import { UsageError } from "../../src/errors.js";
import { validateKubernetesObject } from "../support/kube-schemas.js";

function repoWithExample(): string {
  const root = mkdtempSync(join(tmpdir(), "maat-render-"));
  mkdirSync(join(root, "benchmarks"));
  copyFileSync(
    new URL("../fixtures/descriptors/anubis-inference.toml", import.meta.url),
    join(root, "benchmarks", "inference.toml"),
  );
  return root;
}

async function render(argv: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  const context: CommandContext = {
    argv,
    cwd,
    env: {},
    stdout,
    stderr,
    colors: false,
    signal: new AbortController().signal,
  };
  const code = await renderCommand.run(context);
  return { code, out };
}

describe("maat render", () => {
  test("prints valid manifests for the descriptor, without a namespace by default", async () => {
    const root = repoWithExample();
    const { code, out } = await render(["benchmarks/inference.toml"], root);
    expect(code).toBe(0);
    const objects = parseAllDocuments(out) as unknown as { toJS(): Record<string, { namespace?: string }> }[];
    expect(objects).toHaveLength(3);
    for (const doc of objects) {
      const object = doc.toJS();
      expect(validateKubernetesObject(object)).toEqual([]);
      expect(object.metadata?.namespace).toBeUndefined();
    }
    expect(out).toContain("maat.dev/run-id: render-");
  });

  test("renders the same text twice for the same descriptor", async () => {
    const root = repoWithExample();
    const first = await render(["--backend", "kubernetes", "benchmarks/inference.toml"], root);
    const second = await render(["benchmarks/inference.toml"], root);
    expect(second.out).toBe(first.out);
  });

  test("--namespace and --run-id reach the objects", async () => {
    const root = repoWithExample();
    const { out } = await render(
      ["--namespace", "bench", "--run-id", "ci-42-deadbeef", "benchmarks/inference.toml"],
      root,
    );
    expect(out).toContain("namespace: bench");
    expect(out).toContain("maat.dev/run-id: ci-42-deadbeef");
    expect(out).toContain("deadbeef-server.bench.svc.cluster.local");
  });

  test("other backends, missing files and unknown flags are usage errors", async () => {
    const root = repoWithExample();
    await expect(render(["--backend", "local", "benchmarks/inference.toml"], root)).rejects.toThrow(
      /cannot render for backend "local"/,
    );
    await expect(render([], root)).rejects.toBeInstanceOf(UsageError);
    await expect(render(["--colour", "x.toml"], root)).rejects.toBeInstanceOf(UsageError);
    await expect(render(["benchmarks/missing.toml"], root)).rejects.toThrow(/does not exist/);
  });
});

describe("maat render in a git checkout", () => {
  function gitRepo(extra: (root: string) => void = () => undefined): { root: string; commit: string } {
    const root = repoWithExample();
    extra(root);
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
        cwd: root,
        encoding: "utf8",
      }).trim();
    git("init", "--quiet");
    git("add", ".");
    git("commit", "--quiet", "-m", "benchmarks");
    return { root, commit: git("rev-parse", "HEAD") };
  }

  test("ships the checked-out commit in a ConfigMap and says so in the header", async () => {
    const { root, commit } = gitRepo();
    const { out } = await render(["benchmarks/inference.toml"], root);
    const objects = parseAllDocuments(out).map(
      (doc) => doc.toJS() as { kind: string; binaryData?: Record<string, string> },
    );
    expect(objects.map((o) => o.kind)).toEqual(["Job", "Service", "Deployment", "ConfigMap"]);
    for (const object of objects) expect(validateKubernetesObject(object)).toEqual([]);
    const bundle = Buffer.from(objects[3]?.binaryData?.["code.tar.gz"] ?? "", "base64");
    const sha256 = createHash("sha256").update(bundle).digest("hex");
    expect(out).toContain(`# Code: commit ${commit}, a `);
    expect(out).toContain(`bundle with sha256 ${sha256}, from the ConfigMap`);
    expect(out).toContain(`echo "${sha256}  code.tar.gz" | sha256sum -c -`);
    expect(out).toContain(
      '# Scheduled (info.scheduling = "*/1 * * * *"): rendered as one run, not a CronJob',
    );
    const listed = execFileSync("tar", ["-tzf", "-"], { input: bundle, encoding: "utf8" });
    expect(listed).toContain("benchmarks/inference.toml");
  });

  test("points at the code bucket for a bundle of 1 MiB or more, and says what to do without one", async () => {
    const { root } = gitRepo((dir) => writeFileSync(join(dir, "weights.bin"), randomBytes(1_100_000)));
    await expect(render(["benchmarks/inference.toml"], root)).rejects.toThrow(
      /too large for a ConfigMap \(1 MiB\)/,
    );
    writeFileSync(join(root, "maat.toml"), '[kubernetes]\ncode_bucket = "s3://bench-artifacts/ci"\n');
    const { out } = await render(["benchmarks/inference.toml"], root);
    expect(out).not.toContain("kind: ConfigMap");
    expect(out).toMatch(
      /aws s3 cp --only-show-errors 's3:\/\/bench-artifacts\/ci\/maat-code\/[0-9a-f]{64}\.tar\.gz'/,
    );
    expect(out).toContain("(maat run uploads it there first)");
  });
});
