import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LoopbackS3, startLoopbackS3, useLoopbackCredentials } from "../support/s3-server.js";
import { startTcpProxy } from "../support/tcp-proxy.js";
import { bytes, type DataSandbox, makeDataSandbox, md5, sha256 } from "./helpers.js";

const run = promisify(execFile);
let s3: LoopbackS3;
let restoreEnv: () => void;
let sandbox: DataSandbox;

beforeAll(async () => {
  restoreEnv = useLoopbackCredentials();
  s3 = await startLoopbackS3(["datasets"]);
});
afterAll(async () => {
  await s3.stop();
  restoreEnv();
});
beforeEach(async () => {
  sandbox = await makeDataSandbox(s3.config);
});
afterEach(async () => {
  await sandbox.remove();
});

const gets = (key: string) => s3.requests.filter((r) => r === `GET /datasets/${key}`).length;

describe("s3:// data sources against a loopback S3 server", () => {
  it("downloads an object into the cache, checks its md5, and finds it there the next time", async () => {
    const body = bytes(300_000);
    await s3.put("datasets", "mnist/train.bin", body);
    const source = { src: "s3://datasets/mnist/train.bin", path: "/data/train.bin", md5: md5(body) };

    const [first] = await sandbox.prepare([source]);
    expect(first?.record).toMatchObject({
      kind: "file",
      origin: "download",
      sha256: sha256(body),
      bytes: body.length,
    });
    expect(await readFile(first!.hostPath)).toEqual(body);
    expect((await stat(first!.hostPath)).mode & 0o222).toBe(0);

    const [second] = await sandbox.prepare([source]);
    expect(second?.record.origin).toBe("cache");
    expect(second?.hostPath).toBe(first?.hostPath);
    expect(gets("mnist/train.bin")).toBe(1);
  });

  it("fetches every object under a prefix into a folder whose md5 is that of md5sum's sorted lines", async () => {
    const files = { "a.bin": bytes(1000, 2), "b/c.bin": bytes(2000, 3), "b/d.txt": Buffer.from("label\n") };
    for (const [name, body] of Object.entries(files))
      await s3.put("datasets", `imagenet/train/${name}`, body);
    await s3.put("datasets", "imagenet/train2/other.bin", bytes(10, 4));

    const [withSlash] = await sandbox.prepare([
      { src: "s3://datasets/imagenet/train/", path: "/data/train" },
    ]);
    expect(withSlash?.record).toMatchObject({ kind: "directory", files: 3, bytes: 3006, origin: "download" });
    for (const [name, body] of Object.entries(files)) {
      expect(await readFile(`${withSlash!.hostPath}/${name}`)).toEqual(body);
    }
    // The same rule as the Kubernetes init container, computed by coreutils.
    const { stdout } = await run("sh", ["-c", "find . -type f | LC_ALL=C sort | xargs md5sum | md5sum"], {
      cwd: withSlash!.hostPath,
    });
    expect(withSlash?.record.md5).toBe(stdout.split(" ")[0]);

    const [withoutSlash] = await sandbox.prepare([
      { src: "s3://datasets/imagenet/train", path: "/data/train", md5: withSlash!.record.md5 },
    ]);
    expect(withoutSlash?.record).toMatchObject({ origin: "cache", sha256: withSlash?.record.sha256 });
  });

  it("refuses content whose md5 differs, naming expected and actual, and leaves the cache untouched", async () => {
    const body = Buffer.from("the real bytes\n");
    await s3.put("datasets", "labels.csv", body);
    const wrong = "0".repeat(32);
    await expect(
      sandbox.prepare([{ src: "s3://datasets/labels.csv", path: "/data/labels.csv", md5: wrong }]),
    ).rejects.toThrow(
      `checksum mismatch for s3://datasets/labels.csv: expected md5 ${wrong}, got ${md5(body)}`,
    );
    expect(await sandbox.cachedContent()).toEqual([]);
  });

  it("fails clearly when the server stops mid-transfer, keeps nothing half-written, and resumes later", async () => {
    const body = bytes(4 * 1024 * 1024, 5);
    await s3.put("datasets", "big.bin", body);
    const proxy = await startTcpProxy(Number(new URL(s3.endpoint).port));
    const settings = { s3: { ...s3.config, endpoint: proxy.endpoint } };
    const source = { src: "s3://datasets/big.bin", path: "/data/big.bin", md5: md5(body) };
    try {
      const cut = proxy.cutAfter(1024 * 1024);
      await expect(sandbox.prepare([source], settings)).rejects.toThrow(
        /^downloading s3:\/\/datasets\/big\.bin failed: ECONNREFUSED/,
      );
      await cut;
      expect(await sandbox.cachedContent()).toEqual([]);

      await proxy.restart();
      const [resumed] = await sandbox.prepare([source], settings);
      expect(resumed?.record).toMatchObject({ origin: "download", sha256: sha256(body) });
      expect(resumed?.record.resumedBytes).toBeGreaterThan(0);
      expect(await readFile(resumed!.hostPath)).toEqual(body);
    } finally {
      await proxy.stop();
    }
  });

  it("says the credentials were rejected when the access key is unknown", async () => {
    await s3.put("datasets", "private.bin", "x");
    const restore = useLoopbackCredentials({ accessKeyId: "WRONGKEY", secretAccessKey: "nope" });
    try {
      await expect(sandbox.prepare([{ src: "s3://datasets/private.bin", path: "/d" }])).rejects.toThrow(
        "looking up s3://datasets/private.bin failed: the credentials were rejected (InvalidAccessKeyId)",
      );
    } finally {
      restore();
    }
  });

  it("reads a public bucket anonymously, looking up no credentials", async () => {
    await s3.put("datasets", "public.txt", "open data\n");
    const restore = useLoopbackCredentials({ accessKeyId: "", secretAccessKey: "" });
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const anonymous = { s3: { ...s3.config, buckets: { datasets: { anonymous: true } } } };
      const [prepared] = await sandbox.prepare([{ src: "s3://datasets/public.txt", path: "/d" }], anonymous);
      expect(await readFile(prepared!.hostPath, "utf8")).toBe("open data\n");
    } finally {
      restore();
    }
  });

  it("lets two runs sharing one cache download an object once", async () => {
    const body = bytes(2 * 1024 * 1024, 6);
    await s3.put("datasets", "shared.bin", body);
    const source = { src: "s3://datasets/shared.bin", path: "/d", sha256: sha256(body) };
    const runs = await Promise.all([sandbox.prepare([source]), sandbox.prepare([source])]);
    expect(runs.map(([p]) => p?.record.origin).sort()).toEqual(["cache", "download"]);
    expect(gets("shared.bin")).toBe(1);
  });

  it("names a missing object and its bucket", async () => {
    await expect(sandbox.prepare([{ src: "s3://datasets/nothing/here", path: "/d" }])).rejects.toThrow(
      "s3://datasets/nothing/here is neither an object nor a prefix with objects under it",
    );
  });
});
