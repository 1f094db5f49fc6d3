import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emptyBaseline, foldIntoBaseline } from "../../src/baselines/fold.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import { serializeBaseline } from "../../src/baselines/serialize.js";
import { makeReceipt } from "../fixtures/receipts/make-receipt.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const biome = path.join(repoRoot, "node_modules/.bin/biome");
const docs = readFileSync(path.join(repoRoot, "docs/baselines.md"), "utf8");

/** The biome.json snippet the docs tell users to add. */
function documentedBiomeConfig(): string {
  const section = docs.slice(docs.indexOf("Keep formatters away"));
  return /```json\n([\s\S]*?)```/.exec(section)![1]!;
}

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A project holding one real baseline file, formatted with Biome under `config`. */
async function formatProject(config: string): Promise<{ before: string; after: string }> {
  dir = mkdtempSync(path.join(tmpdir(), "maat-formatters-"));
  const receipt = makeReceipt();
  const baseline = foldIntoBaseline(
    emptyBaseline(receipt.benchmark.id, hardwareKey(receipt)),
    receipt,
  ).baseline;
  const file = path.join(dir, "baselines", baseline.benchmarkId, `${baseline.hardware.slug}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  const before = serializeBaseline(baseline);
  writeFileSync(file, before);
  writeFileSync(path.join(dir, "biome.json"), config);
  writeFileSync(path.join(dir, "other.json"), '{"a":1,\n"b":2}\n');
  try {
    execFileSync(biome, ["format", "--write", "."], { cwd: dir, stdio: "pipe" });
  } catch (error) {
    throw new Error(`biome format failed: ${(error as { stderr?: Buffer }).stderr}`);
  }
  return { before, after: readFileSync(file, "utf8") };
}

describe("baseline files and code formatters", () => {
  it("Biome rewrites a baseline file when nothing tells it not to", async () => {
    const { before, after } = await formatProject("{}");
    expect(after).not.toBe(before);
  });

  it("the biome.json entry in docs/baselines.md keeps Biome off baselines/ (and only off it)", async () => {
    const { before, after } = await formatProject(documentedBiomeConfig());
    expect(after).toBe(before);
    expect(readFileSync(path.join(dir, "other.json"), "utf8")).toBe('{ "a": 1, "b": 2 }\n');
  });

  it("this repository ignores baselines/ in its own Biome and Prettier configs", () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, "biome.json"), "utf8"));
    expect(config.files.includes).toContain("!baselines");
    const prettier = readFileSync(path.join(repoRoot, ".prettierignore"), "utf8").split("\n");
    expect(prettier).toContain("baselines/");
    expect(docs).toContain("```text\nbaselines/\n```");
  });
});
