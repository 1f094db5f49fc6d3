import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RemoteStore } from "../../src/data/remote-store.js";
import { type HttpDataServer, serveBody, startHttpDataServer } from "../support/http-data-server.js";
import { type DataSandbox, makeDataSandbox, md5, sha256 } from "./helpers.js";

let sandbox: DataSandbox;
let server: HttpDataServer | undefined;
beforeEach(async () => {
  sandbox = await makeDataSandbox();
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  await sandbox.remove();
});

describe("the data cache", () => {
  it("fetches a source without a checksum on every run, and once with cache = by-url", async () => {
    server = await startHttpDataServer({ "/v": serveBody(Buffer.from("version 1\n")) });
    const plain = { src: server.url("/v"), path: "/d" };
    await sandbox.prepare([plain]);
    const [again] = await sandbox.prepare([plain]);
    expect(again?.record).toMatchObject({ origin: "download", sha256: sha256("version 1\n") });
    expect(server.seen).toHaveLength(2);

    const byUrl = { ...plain, cache: "by-url" as const };
    const [cached] = await sandbox.prepare([byUrl]);
    expect(cached?.record.origin).toBe("cache");
    expect(server.seen).toHaveLength(2);
  });

  it("refuses an object key that would escape the source's folder", async () => {
    const listing = (relativePath: string): RemoteStore => ({
      list: async (url) => ({ kind: "directory", objects: [{ url: `${url}x`, relativePath }] }),
      open: async () => ({ body: Readable.from([Buffer.from("x")]), resumed: false }),
    });
    for (const key of ["../etc/passwd", "a/../../b", "/abs", "a//b", "a/./b"]) {
      await expect(
        sandbox.prepare([{ src: "s3://bucket/dir/", path: "/d" }], {}, { stores: { s3: listing(key) } }),
      ).rejects.toThrow(`"${key}" under s3://bucket/dir/ would escape its destination folder`);
    }
    expect(await sandbox.cachedContent()).toEqual([]);
  });

  it("names a source with a scheme it cannot fetch", async () => {
    await expect(sandbox.prepare([{ src: "ftp://example.com/x.tar", path: "/d" }])).rejects.toThrow(
      'data source "ftp://example.com/x.tar" uses ftp://, which Maat cannot fetch',
    );
  });
});

describe("local data sources", () => {
  it("uses a folder in place and checks its md5 by md5sum's sorted lines", async () => {
    await mkdir(join(sandbox.dir, "shards", "b"), { recursive: true });
    await writeFile(join(sandbox.dir, "shards", "a.txt"), "a\n");
    await writeFile(join(sandbox.dir, "shards", "b", "c.txt"), "c\n");
    const lines = `${md5("a\n")}  ./a.txt\n${md5("c\n")}  ./b/c.txt\n`;
    const [prepared] = await sandbox.prepare([{ src: "shards", path: "/data/shards", md5: md5(lines) }]);
    expect(prepared?.hostPath).toBe(join(sandbox.dir, "shards"));
    expect(prepared?.record).toMatchObject({ kind: "directory", origin: "local", files: 2, bytes: 4 });
  });

  it("refuses a file whose checksum does not match, naming both", async () => {
    await writeFile(join(sandbox.dir, "labels.csv"), "cat,1\n");
    const wrong = "f".repeat(64);
    await expect(sandbox.prepare([{ src: "labels.csv", path: "/d", sha256: wrong }])).rejects.toThrow(
      `expected sha256 ${wrong}, got ${sha256("cat,1\n")}`,
    );
  });

  it("refuses a symbolic link that leads outside the data folder", async () => {
    await mkdir(join(sandbox.dir, "set"));
    await writeFile(join(sandbox.dir, "secret"), "s\n");
    await symlink(join(sandbox.dir, "secret"), join(sandbox.dir, "set", "link"));
    await expect(sandbox.prepare([{ src: "set", path: "/d" }])).rejects.toThrow(
      "link in set is a symbolic link that leads outside the data folder",
    );
  });

  it("says where it looked for a missing source", async () => {
    await expect(sandbox.prepare([{ src: "nowhere", path: "/d" }])).rejects.toThrow(
      `data source nowhere was not found (looked at ${join(sandbox.dir, "nowhere")})`,
    );
  });

  it("reads an md5 written as algo:hex", async () => {
    await writeFile(join(sandbox.dir, "f"), "x");
    const [prepared] = await sandbox.prepare([{ src: "f", path: "/d", md5: `sha256:${sha256("x")}` }]);
    expect(await readFile(prepared!.hostPath, "utf8")).toBe("x");
  });
});
