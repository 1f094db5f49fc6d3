import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { StorageError } from "../storage/storage-error.js";
import type { OpenedObject, RemoteObject, RemoteStore } from "./remote-store.js";

/**
 * http:// and https:// sources with the platform's fetch: redirects followed, ranges used to
 * resume (If-Range keeps a changed resource from being stitched onto an old beginning).
 */
export function createHttpStore(): RemoteStore {
  return {
    async list(url) {
      return { kind: "file", objects: [{ url, relativePath: "" }] };
    },
    open: openHttp,
  };
}

async function openHttp(
  object: RemoteObject,
  from: { offset: number; etag?: string },
  signal: AbortSignal,
): Promise<OpenedObject> {
  const headers: Record<string, string> = {};
  if (from.offset > 0) {
    headers.range = `bytes=${from.offset}-`;
    // Weak validators cannot guard a range; without one, the server's answer decides.
    if (from.etag !== undefined && !from.etag.startsWith("W/")) headers["if-range"] = from.etag;
  }
  let response: Response;
  try {
    response = await fetch(object.url, { headers, redirect: "follow", signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new StorageError(
      object.url,
      `fetching ${object.url} failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      {
        hint: "check the URL and that the server is reachable",
        transient: true,
        cause: error,
      },
    );
  }
  const etag = response.headers.get("etag") ?? undefined;
  if (response.status === 206 && from.offset > 0) {
    const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get("content-range") ?? "");
    if (range?.[1] !== undefined && Number(range[1]) === from.offset) {
      return {
        body: bodyOf(response),
        ...(range[2] === undefined || range[2] === "*" ? {} : { totalSize: Number(range[2]) }),
        ...(etag === undefined ? {} : { etag }),
        resumed: true,
      };
    }
    await response.body?.cancel();
    throw new StorageError(object.url, `${object.url} answered a range request with the wrong range`, {
      transient: true,
    });
  }
  if (response.status === 200) {
    const length = response.headers.get("content-length");
    return {
      body: bodyOf(response),
      ...(length === null ? {} : { totalSize: Number(length) }),
      ...(etag === undefined ? {} : { etag }),
      resumed: false,
    };
  }
  await response.body?.cancel().catch(() => undefined);
  const status = response.status;
  const transient = status >= 500 || status === 408 || status === 429;
  throw new StorageError(
    object.url,
    `fetching ${object.url} failed: HTTP ${status} ${response.statusText}`.trim(),
    {
      status,
      transient,
      hint:
        status === 404 || status === 410
          ? "the URL does not exist (any more): check data.sources.src"
          : status === 401 || status === 403
            ? "the server refused access; Maat sends no credentials to HTTP sources (use a pre-signed URL or s3://)"
            : "the server failed; try again later",
    },
  );
}

function bodyOf(response: Response): Readable {
  if (response.body === null) return Readable.from([]);
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}
