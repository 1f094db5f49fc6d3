import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { DescriptorError, findDescriptorFiles, loadDescriptor } from "../../src/descriptor/index.js";
import { UsageError } from "../../src/errors.js";
import { MINIMAL } from "./helpers.js";

let root: string;

async function put(relative: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
  await writeFile(path.join(root, relative), text);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "maat-descriptors-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("findDescriptorFiles", () => {
  test("finds every .toml under benchmarks/ by default, skipping dot-folders and node_modules", async () => {
    await put("benchmarks/resnet/descriptor.toml", MINIMAL);
    await put("benchmarks/nlp/bert.toml", MINIMAL);
    await put("benchmarks/nlp/notes.md", "not a descriptor");
    await put("benchmarks/.cache/old.toml", MINIMAL);
    await put("benchmarks/node_modules/pkg/x.toml", MINIMAL);
    await put("maat.toml", "[config]\n");
    const files = await findDescriptorFiles([], { cwd: root });
    expect(files.map((f) => path.relative(root, f))).toEqual([
      "benchmarks/nlp/bert.toml",
      "benchmarks/resnet/descriptor.toml",
    ]);
  });

  test("leaves the repository's maat.toml out of a folder search, but takes a file named explicitly", async () => {
    await put("maat.toml", "[config]\n");
    await put("perf/a.toml", MINIMAL);
    const inRoot = await findDescriptorFiles(["."], { cwd: root, repoRoot: root });
    expect(inRoot.map((f) => path.relative(root, f))).toEqual(["perf/a.toml"]);
    const named = await findDescriptorFiles(["maat.toml"], { cwd: root });
    expect(named).toEqual([path.join(root, "maat.toml")]);
  });

  test("rejects a path that does not exist", async () => {
    await expect(findDescriptorFiles(["nope"], { cwd: root })).rejects.toBeInstanceOf(UsageError);
  });
});

describe("loadDescriptor", () => {
  test("loads a valid descriptor with its id and path relative to the repository root", async () => {
    await put("benchmarks/nlp/bert.toml", MINIMAL);
    const descriptor = await loadDescriptor(path.join(root, "benchmarks/nlp/bert.toml"), { repoRoot: root });
    expect(descriptor.id).toBe("nlp-bert");
    expect(descriptor.path).toBe("benchmarks/nlp/bert.toml");
  });

  test("throws a DescriptorError carrying every problem, with exit code 2", async () => {
    await put(
      "benchmarks/bad.toml",
      MINIMAL.replace('"single_node"', '"horovd"').replace("[env]", "[env]\nprivileged = 1"),
    );
    const error = await loadDescriptor("benchmarks/bad.toml", { repoRoot: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DescriptorError);
    const descriptorError = error as DescriptorError;
    expect(descriptorError.exitCode).toBe(2);
    expect(descriptorError.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.field}`)).toEqual([
      "benchmarks/bad.toml:6:12: hardware.strategy",
      "benchmarks/bad.toml:8:14: env.privileged",
    ]);
    expect(descriptorError.message).toContain("descriptor benchmarks/bad.toml is invalid (2 problems)");
  });

  test("reports a missing file and invalid UTF-8 as problems", async () => {
    const missing = await loadDescriptor("benchmarks/none.toml", { repoRoot: root }).catch((e: unknown) => e);
    expect((missing as DescriptorError).problems[0]?.message).toBe("benchmarks/none.toml does not exist");
    await mkdir(path.join(root, "benchmarks"), { recursive: true });
    await writeFile(
      path.join(root, "benchmarks/latin1.toml"),
      Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22]),
    );
    const latin1 = await loadDescriptor("benchmarks/latin1.toml", { repoRoot: root }).catch(
      (e: unknown) => e,
    );
    expect((latin1 as DescriptorError).problems[0]?.message).toContain("is not valid UTF-8 text");
  });
});
