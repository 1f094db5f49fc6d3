import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baselinePath, readBaselines } from "../../src/baselines/files.js";
import { foldReceipts } from "../../src/baselines/fold-receipts.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import { makeReceipt } from "../fixtures/receipts/make-receipt.js";

// Issue 10, item 2: hand-edited baseline lines must not be accepted silently.
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "maat-baseline-edit-"));
  const receipts = [1, 2, 3].map((i) =>
    makeReceipt({
      resultId: `resnet50-training/2024-05-0${i}`,
      startedAt: `2024-05-0${i}T03:00:00.000Z`,
      commit: `${i}`.repeat(40),
      values: { throughput: [100 + i, 101 + i, 99 + i] },
    }),
  );
  await foldReceipts(dir, receipts);
  file = baselinePath(dir, "resnet50-training", hardwareKey(receipts[0]!).slug);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function edit(change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, "utf8")));
}

describe("a hand-edited baseline file", () => {
  it("reads back as written when untouched", async () => {
    expect(await readBaselines(dir, "resnet50-training")).toHaveLength(1);
  });

  it("stores each run's values alone, so there is no summary to edit apart from them", async () => {
    const text = await readFile(file, "utf8");
    expect(text).toContain('"throughput":[101,102,100]');
    expect(text).not.toContain('"summary"');
  });

  it("in the version 1 layout, with a summary.mean edited to hide a regression, is refused, naming the run", async () => {
    const [baseline] = await readBaselines(dir, "resnet50-training");
    await writeFile(file, JSON.stringify({ ...baseline, schemaVersion: 1 }));
    await edit((text) => text.replace('"mean":102', '"mean":130'));
    await expect(readBaselines(dir, "resnet50-training")).rejects.toThrow(
      /resnet50-training\/2024-05-02\)\.metrics\.throughput\.summary does not match its values \(mean 130, values give 102\)/,
    );
  });

  it('with values ["x", "y"] is refused', async () => {
    await edit((text) => text.replace('"throughput":[101,102,100]', '"throughput":["x","y"]'));
    await expect(readBaselines(dir, "resnet50-training")).rejects.toThrow(
      /2024-05-01\)\.metrics\.throughput must be finite numbers \(found "x"\)/,
    );
  });

  it("with an edited benchmarkId is refused instead of giving no-baseline", async () => {
    await edit((text) => text.replace('"benchmarkId": "resnet50-training"', '"benchmarkId": "other"'));
    await expect(readBaselines(dir, "resnet50-training")).rejects.toThrow(
      /benchmarkId is "other" but the file is in the folder of resnet50-training/,
    );
  });

  it("with edited hardware fields is refused", async () => {
    await edit((text) => text.replace('"gpuDriver": "', '"gpuDriver": "9'));
    await expect(readBaselines(dir, "resnet50-training")).rejects.toThrow(/hardware.fields do not give/);
  });
});
