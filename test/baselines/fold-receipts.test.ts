import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baselinePath, readBaselines } from "../../src/baselines/files.js";
import { foldReceipts } from "../../src/baselines/fold-receipts.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import { loadReceiptFixture } from "../fixtures/receipts/make-receipt.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "maat-baselines-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const a100 = loadReceiptFixture("resnet50-a100.json");
const h100 = loadReceiptFixture("resnet50-h100.json");
const failed = loadReceiptFixture("resnet50-a100-failed.json");

describe("foldReceipts", () => {
  it("writes one file per benchmark and hardware key, and reports what it added", async () => {
    const report = await foldReceipts(dir, [a100, h100]);
    const files = (await readdir(join(dir, "resnet50-training"))).sort();
    expect(files).toEqual([`${hardwareKey(a100).slug}.json`, `${hardwareKey(h100).slug}.json`].sort());
    expect(report.added.map((a) => a.resultId).sort()).toEqual([a100.resultId, h100.resultId].sort());
    expect(report.written).toHaveLength(2);
  });

  it("refuses failed receipts without stopping the others", async () => {
    const report = await foldReceipts(dir, [failed, a100]);
    expect(report.refused).toEqual([
      {
        resultId: failed.resultId,
        reason: expect.stringContaining("failed: repetition 3 exited with code 1"),
      },
    ]);
    expect(report.added.map((a) => a.resultId)).toEqual([a100.resultId]);
  });

  it("changes nothing on disk when the same receipts are folded again", async () => {
    await foldReceipts(dir, [a100]);
    const file = baselinePath(dir, a100.benchmark.id, hardwareKey(a100).slug);
    const before = await readFile(file, "utf8");
    const again = await foldReceipts(dir, [a100]);
    expect(again).toMatchObject({ written: [], added: [], alreadyPresent: [a100.resultId] });
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("leaves no temporary files behind", async () => {
    await foldReceipts(dir, [a100, h100]);
    const names = await readdir(join(dir, "resnet50-training"));
    expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("reads back every hardware key's baseline of a benchmark", async () => {
    await foldReceipts(dir, [a100, h100]);
    const baselines = await readBaselines(dir, "resnet50-training");
    expect(baselines.map((b) => b.hardware.slug)).toEqual(
      [hardwareKey(a100).slug, hardwareKey(h100).slug].sort(),
    );
    expect(await readBaselines(dir, "never-ran")).toEqual([]);
  });

  it("stops with an error naming a corrupt baseline file", async () => {
    await foldReceipts(dir, [a100]);
    const file = baselinePath(dir, a100.benchmark.id, hardwareKey(a100).slug);
    await writeFile(file, '{ "schemaVersion": 1, ');
    await expect(foldReceipts(dir, [a100])).rejects.toThrow(`baseline file ${file} is not valid JSON`);
    await expect(readBaselines(dir, a100.benchmark.id)).rejects.toThrow(file);
  });

  it("refuses benchmark ids that would escape the baselines folder", async () => {
    const evil = { ...a100, benchmark: { ...a100.benchmark, id: "../outside" } };
    await expect(foldReceipts(dir, [evil])).rejects.toThrow(/cannot name a baseline folder/);
  });
});
