import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_DATA_SETTINGS } from "../../src/data/data-settings.js";
import type { DataSource } from "../../src/descriptor/types.js";
import { rewriteDataPaths } from "../../src/runners/local/data-sources.js";
import { createLocalRunner } from "../../src/runners/local/local-runner.js";
import { RunnerError } from "../../src/runners/runner.js";
import { makeBenchmark, makeWorkspace, type Workspace } from "./fixture.js";

let runner: ReturnType<typeof createLocalRunner>;
let workspace: Workspace;
beforeEach(async () => {
  workspace = await makeWorkspace();
  runner = createLocalRunner({
    graceMs: 300,
    data: { ...DEFAULT_DATA_SETTINGS, cacheDir: join(workspace.dir, "cache") },
  });
  await mkdir(join(workspace.dir, "shards"));
  await workspace.write("shards/a.txt", "shard a\n");
  await workspace.write("labels.csv", "cat,1\n");
});
afterEach(async () => {
  await workspace.remove();
});

const withData = (args: string, sources: DataSource[]) => {
  const descriptor = makeBenchmark('cat "$MAAT_DATA_PATH_1/a.txt" "$MAAT_DATA_LABELS"; echo', { args });
  return { ...descriptor, data: { sources } };
};

describe("data sources in the local runner", () => {
  it("links file:// and relative sources under the work folder and rewrites their container paths in args", async () => {
    const descriptor = withData("--train /data/train --labels=/data/labels.csv --other /data/training", [
      { src: pathToFileURL(join(workspace.dir, "shards")).href, path: "/data/train" },
      { src: "labels.csv", path: "/data/labels.csv", id: "labels", md5: md5("cat,1\n") },
    ]);
    const request = workspace.request(descriptor);
    const outcome = await runner.runRepetition(request);
    const dataDir = join(request.workDir, "data");
    const log = await workspace.read("logs/rep-1.log");
    expect(outcome.status).toBe("succeeded");
    expect(log).toContain("shard a\ncat,1\n");
    expect(log).toContain(
      `--train ${dataDir}/data/train --labels=${dataDir}/data/labels.csv --other /data/training`,
    );
  });

  it("refuses a file whose md5 does not match, as a data-phase error naming both digests", async () => {
    const descriptor = withData("", [{ src: "labels.csv", path: "/data/labels.csv", md5: "0".repeat(32) }]);
    const error = await runner.runRepetition(workspace.request(descriptor)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).phase).toBe("data");
    expect((error as RunnerError).message).toBe(
      `checksum mismatch for ${join(workspace.dir, "labels.csv")}: expected md5 ${"0".repeat(32)}, got ${md5("cat,1\n")}`,
    );
  });

  it("checks a folder's md5 as that of md5sum's sorted lines", async () => {
    const good = md5(`${md5("shard a\n")}  ./a.txt\n`);
    const descriptor = withData("", [{ src: "shards", path: "/data/train", md5: good }]);
    const outcome = await runner.runRepetition(workspace.request(descriptor));
    expect(outcome.status).toBe("succeeded");
    const bad = withData("", [{ src: "shards", path: "/data/train", md5: "0".repeat(32) }]);
    await expect(runner.runRepetition(workspace.request(bad))).rejects.toThrow("checksum mismatch");
  });

  it("refuses a source with a scheme it cannot fetch, naming it", async () => {
    const descriptor = withData("", [{ src: "ftp://example.com/x", path: "/data/train" }]);
    await expect(runner.runRepetition(workspace.request(descriptor))).rejects.toThrow(
      'data source "ftp://example.com/x" uses ftp://, which Maat cannot fetch',
    );
  });

  it("says which source is missing", async () => {
    const descriptor = withData("", [{ src: "nowhere", path: "/data/x" }]);
    await expect(runner.runRepetition(workspace.request(descriptor))).rejects.toThrow(
      "data source nowhere was not found",
    );
  });
});

describe("rewriteDataPaths", () => {
  it("rewrites whole paths only, longest first", () => {
    const rewritten = rewriteDataPaths("/data /data/train /data/train/x /data/train2 a/data", [
      { containerPath: "/data", localPath: "L" },
      { containerPath: "/data/train", localPath: "T" },
    ]);
    expect(rewritten).toBe("L T T/x L/train2 a/data");
  });
});

function md5(text: string): string {
  return createHash("md5").update(text).digest("hex");
}
