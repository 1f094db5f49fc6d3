import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
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
