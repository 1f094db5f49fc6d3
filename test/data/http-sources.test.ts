import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type HttpDataServer,
  serveBody,
  startHttpDataServer,
  truncateFirst,
} from "../support/http-data-server.js";
import { bytes, type DataSandbox, makeDataSandbox, md5, sha256 } from "./helpers.js";

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

const body = bytes(256 * 1024, 7);
const source = (path: string, extra = {}) => ({ src: server!.url(path), path: "/data/file.bin", ...extra });

describe("http(s):// data sources against a loopback HTTP server", () => {
  it("follows redirects to the data", async () => {
    server = await startHttpDataServer({
      "/old": (_, response) => response.writeHead(302, { location: "/new" }).end(),
      "/new": serveBody(body),
    });
    const [prepared] = await sandbox.prepare([source("/old", { md5: md5(body) })]);
    expect(await readFile(prepared!.hostPath)).toEqual(body);
    expect(server.seen.map((s) => s.path)).toEqual(["/old", "/new"]);
  });

  it("fails at once on 404, saying the URL does not exist, and caches nothing", async () => {
    server = await startHttpDataServer({});
    const error = await sandbox.prepare([source("/gone.tar")]).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`fetching ${server.url("/gone.tar")} failed: HTTP 404 Not Found`);
    expect((error as { hint?: string }).hint).toContain("the URL does not exist");
    expect(server.seen).toHaveLength(1);
    expect(await sandbox.cachedContent()).toEqual([]);
  });

  it("waits for a slow server that keeps sending", async () => {
    server = await startHttpDataServer({
      "/slow": (_, response) => {
        response.writeHead(200, { "content-length": body.byteLength });
        let offset = 0;
        const next = () => {
          if (offset >= body.byteLength) return void response.end();
          response.write(body.subarray(offset, offset + 16 * 1024));
          offset += 16 * 1024;
          setTimeout(next, 20);
        };
        next();
      },
    });
    const [prepared] = await sandbox.prepare([source("/slow", { sha256: sha256(body) })]);
    expect(prepared?.record.bytes).toBe(body.byteLength);
  });

  it("gives up on a server that stalls, after its retries, and caches nothing", async () => {
    server = await startHttpDataServer({
      "/stall": (_, response) => {
        response.writeHead(200, { "content-length": body.byteLength });
        response.write(body.subarray(0, 1000));
      },
    });
    const stalling = { retry: { retries: 1, minDelayMs: 10, stallTimeoutMs: 300 } };
    await expect(sandbox.prepare([source("/stall")], stalling)).rejects.toThrow(
      `${server.url("/stall")} sent nothing for 300 ms`,
    );
    expect(server.seen).toHaveLength(2);
    expect(await sandbox.cachedContent()).toEqual([]);
  });

  it("resumes a truncated body with a range request where the server supports ranges", async () => {
    server = await startHttpDataServer({
      "/ranged": truncateFirst(body, 100_000, 1, serveBody(body, { ranges: true })),
    });
    const [prepared] = await sandbox.prepare([source("/ranged", { md5: md5(body) })]);
    expect(server.seen).toEqual([{ path: "/ranged" }, { path: "/ranged", range: "bytes=100000-" }]);
    expect(prepared?.record).toMatchObject({
      resumedBytes: 100_000,
      sha256: sha256(body),
      origin: "download",
    });
  });

  it("starts over when the server ignores the range", async () => {
    server = await startHttpDataServer({
      "/plain": truncateFirst(body, 100_000, 1, serveBody(body, { ranges: false })),
    });
    const [prepared] = await sandbox.prepare([source("/plain", { md5: md5(body) })]);
    expect(prepared?.record.sha256).toBe(sha256(body));
    expect(prepared?.record.resumedBytes).toBeUndefined();
  });

  it("fails clearly when every attempt is cut short, leaving no cache entry", async () => {
    server = await startHttpDataServer({ "/cut": truncateFirst(body, 50_000, 99, serveBody(body)) });
    await expect(sandbox.prepare([source("/cut")])).rejects.toThrow(server.url("/cut"));
    expect(server.seen).toHaveLength(3);
    expect(await sandbox.cachedContent()).toEqual([]);
  });
});
