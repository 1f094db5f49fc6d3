import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serializeReceipt } from "../../src/results/receipt-store.js";
import { createFolderResultsStore } from "../../src/results/store/folder-results-store.js";
import { openResultsStore } from "../../src/results/store/open-results-store.js";
import { pullResults } from "../../src/results/store/pull-results.js";
import { pushResults } from "../../src/results/store/push-results.js";
import type { ResultsStore } from "../../src/results/store/results-store.js";
import { bytes } from "../data/helpers.js";
import { makeReceipt } from "../fixtures/receipts/make-receipt.js";
import { type LoopbackS3, startLoopbackS3, useLoopbackCredentials } from "../support/s3-server.js";

let s3: LoopbackS3;
let restoreEnv: () => void;
let dir: string;

beforeAll(async () => {
  restoreEnv = useLoopbackCredentials();
  s3 = await startLoopbackS3(["results"]);
});
afterAll(async () => {
  await s3.stop();
  restoreEnv();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "maat-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A receipt written as `maat run` writes one, with a log folder beside it. */
async function writeResult(
  resultId: string,
  logs: Record<string, string | Buffer> = { "rep-1.log": "speed=1\n" },
) {
  const receipt = makeReceipt({ resultId, commit: "1a2b3c4d5e6f" });
  const [benchmark, name] = resultId.split("/") as [string, string];
  const file = join(dir, "local", benchmark, `${name}.json`);
  await mkdir(join(dir, "local", benchmark, `${name}.logs`), { recursive: true });
  await writeFile(file, serializeReceipt(receipt));
  for (const [log, content] of Object.entries(logs))
    await writeFile(join(dir, "local", benchmark, `${name}.logs`, log), content);
  return { receipt, file, bytes: serializeReceipt(receipt) };
}

const stores: Array<[string, () => Promise<ResultsStore>]> = [
  ["S3", () => openResultsStore("s3://results/team/maat", { cwd: dir, s3: s3.config, env: {} })],
  ["a folder", async () => createFolderResultsStore(join(dir, "store"))],
];

describe.each(stores)("the results store in %s", (_, open) => {
  it("round-trips receipts and logs, lists a benchmark's history and fetches one receipt", async () => {
    const store = await open();
    const first = await writeResult("resnet50/20261124T215012345Z-1a2b3c4");
    await writeResult("resnet50/20261125T101010000Z-1a2b3c4");
    await writeResult("bert/20261125T090000000Z-1a2b3c4");
    const pushed = await pushResults(store, [join(dir, "local")], { cwd: dir });
    expect(pushed.map((p) => p.outcome)).toEqual(["stored", "stored", "stored"]);

    expect(await store.list({ benchmark: "resnet50" })).toEqual([
      "resnet50/20261124T215012345Z-1a2b3c4",
      "resnet50/20261125T101010000Z-1a2b3c4",
    ]);
    expect(await store.get("resnet50/20261124T215012345Z-1a2b3c4")).toBe(first.bytes);

    const pulled = await pullResults(store, join(dir, "pulled"), { benchmark: "resnet50" }, { logs: true });
    expect(pulled.map((p) => p.outcome)).toEqual(["pulled", "pulled"]);
    expect(await readFile(join(dir, "pulled/resnet50/20261124T215012345Z-1a2b3c4.json"), "utf8")).toBe(
      first.bytes,
    );
    expect(
      await readFile(join(dir, "pulled/resnet50/20261124T215012345Z-1a2b3c4.logs/rep-1.log"), "utf8"),
    ).toBe("speed=1\n");
  });

  it("is idempotent, and never overwrites a different receipt under the same result id", async () => {
    const store = await open();
    const result = await writeResult("resnet50/20261124T215012345Z-1a2b3c4");
    await pushResults(store, [result.file], { cwd: dir });
    expect((await pushResults(store, [result.file], { cwd: dir }))[0]?.outcome).toBe("unchanged");

    const changed = { ...result.receipt, status: "failed" as const, reason: "edited" };
    await writeFile(result.file, serializeReceipt(changed));
    const [outcome] = await pushResults(store, [result.file], { cwd: dir });
    expect(outcome?.outcome).toBe("failed");
    expect(outcome?.error).toContain(
      "already holds a different receipt for resnet50/20261124T215012345Z-1a2b3c4; nothing was overwritten",
    );
    expect(await store.get(result.receipt.resultId)).toBe(result.bytes);
  });
});

describe("the S3 results store", () => {
  it("uploads a large log in parts and gets it back whole", async () => {
    const big = bytes(12 * 1024 * 1024, 9);
    const result = await writeResult("llm/20261124T215012345Z-1a2b3c4", { "rep-1.log": big });
    const store = await openResultsStore("s3://results/big", { cwd: dir, s3: s3.config, env: {} });
    await pushResults(store, [result.file], { cwd: dir });
    expect(
      s3.requests.filter((r) => r.startsWith("PUT /results/big/llm/") && r.endsWith(".logs/rep-1.log"))
        .length,
    ).toBeGreaterThan(1);
    await store.getLogs(result.receipt.resultId, join(dir, "back"));
    expect(await readFile(join(dir, "back", "rep-1.log"))).toEqual(big);
  });

  it("reports a failed upload and leaves the receipt where it was", async () => {
    const result = await writeResult("resnet50/20261124T215012345Z-1a2b3c4");
    const unreachable = { ...s3.config, endpoint: "http://127.0.0.1:9" };
    const store = await openResultsStore("s3://results/x", { cwd: dir, s3: unreachable, env: {} });
    const [outcome] = await pushResults(store, [result.file], { cwd: dir });
    expect(outcome).toMatchObject({ outcome: "failed", file: result.file });
    expect(outcome?.error).toMatch(
      /^looking up s3:\/\/results\/x\/resnet50\/20261124T215012345Z-1a2b3c4\.json failed: ECONNREFUSED/,
    );
    expect(await readFile(result.file, "utf8")).toBe(result.bytes);
  });

  it("pulls only one commit's receipts of one workflow run", async () => {
    const store = await openResultsStore("s3://results/runs", { cwd: dir, s3: s3.config, env: {} });
    const ours = await writeResult("resnet50/20261124T215012345Z-1a2b3c4");
    const other = makeReceipt({ resultId: "resnet50/20261123T000000000Z-9999999" });
    await store.put({ resultId: other.resultId, receipt: serializeReceipt(other) });
    await pushResults(store, [ours.file], { cwd: dir });
    const pulled = await pullResults(store, join(dir, "report"), { commit: "1a2b3c4d5e6f" });
    expect(pulled.map((p) => p.resultId)).toEqual([ours.receipt.resultId]);
  });
});
