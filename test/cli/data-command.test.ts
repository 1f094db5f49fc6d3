import { chmod, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { md5, sha256 } from "../data/helpers.js";
import { type LoopbackS3, startLoopbackS3, useLoopbackCredentials } from "../support/s3-server.js";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "./harness.js";

let s3: LoopbackS3;
let restoreEnv: () => void;
let project: string;
const body = Buffer.from("speed=41\nspeed=42\n");

beforeAll(async () => {
  restoreEnv = useLoopbackCredentials();
  s3 = await startLoopbackS3(["bench-data"]);
  await s3.put("bench-data", "speeds.txt", body);
});
afterAll(async () => {
  await s3.stop();
  restoreEnv();
});
beforeEach(async () => {
  project = makeProject();
  await writeFile(
    path.join(project, "maat.toml"),
    `[data]\ncache_dir = ".cache/data"\n\n[s3]\nendpoint = "${s3.endpoint}"\npath_style = true\n\n[telemetry]\nenabled = false\n`,
  );
  writeDescriptor(
    project,
    "s3-data",
    minimalDescriptor(
      'cat "$MAAT_DATA_SPEEDS"',
      `[[data.sources]]\nsrc = "s3://bench-data/speeds.txt"\npath = "/data/speeds.txt"\nid = "speeds"\nmd5 = "${md5(body)}"\n`,
    ),
  );
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("maat data and runs with remote data", () => {
  it("fetch warms the cache, the run finds the data there and records the sha256 it saw", async () => {
    const fetched = await cli(project, ["data", "fetch", "benchmarks/s3-data"]);
    expect(fetched.code).toBe(0);
    expect(fetched.out).toMatch(/s3-data\s+\/data\/speeds\.txt\s+downloaded/);

    const again = await cli(project, ["data", "fetch", "benchmarks/s3-data", "--json"]);
    expect(JSON.parse(again.out).benchmarks[0].sources[0]).toMatchObject({
      origin: "cache",
      sha256: sha256(body),
    });

    const run = await cli(project, ["run", "benchmarks/s3-data", "--quiet", "--json"]);
    expect(run.code).toBe(0);
    const receiptFile = path.join(project, JSON.parse(run.out).runs[0].receipt);
    const receipt = JSON.parse(await readFile(receiptFile, "utf8"));
    expect(receipt.receiptVersion).toBe("1.1");
    expect(receipt.data).toEqual([
      {
        src: "s3://bench-data/speeds.txt",
        path: "/data/speeds.txt",
        id: "speeds",
        kind: "file",
        sha256: sha256(body),
        md5: md5(body),
        bytes: body.length,
        files: 1,
        origin: "cache",
      },
    ]);
    expect(receipt.metrics.speed.values).toEqual([42]);
  });

  it("verify finds corrupt content, forgets it, and the next fetch downloads it again", async () => {
    await cli(project, ["data", "fetch", "benchmarks/s3-data"]);
    const objects = path.join(project, ".cache/data/objects");
    const [object] = await readdir(objects);
    await chmod(path.join(objects, object!), 0o644);
    await writeFile(path.join(objects, object!), "tampered");

    const verified = await cli(project, ["data", "verify"]);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain(`corrupt: file ${sha256(body)}: sha256 is ${sha256("tampered")}`);

    const refetched = await cli(project, ["data", "fetch", "benchmarks/s3-data", "--json"]);
    expect(JSON.parse(refetched.out).benchmarks[0].sources[0].origin).toBe("download");
    expect((await cli(project, ["data", "verify", "benchmarks/s3-data"])).out).toContain("all intact");
  });

  it("a run whose data cannot be fetched ends in error with a receipt that says why", async () => {
    writeDescriptor(
      project,
      "missing",
      minimalDescriptor("true", `[[data.sources]]\nsrc = "s3://bench-data/absent.bin"\npath = "/data/x"\n`),
    );
    const run = await cli(project, ["run", "benchmarks/missing", "--quiet", "--json"]);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.out).runs;
    expect(result.status).toBe("error");
    expect(result.reason).toContain("s3://bench-data/absent.bin is neither an object nor a prefix");
  });
});
