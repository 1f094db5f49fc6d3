import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pRetry from "p-retry";
import { formatDuration } from "../run/progress.js";
import { StorageError } from "../storage/storage-error.js";
import type { Digests } from "./checksums.js";
import { ContentHasher, type StreamHasher } from "./content-hasher.js";
import type { DataCache } from "./data-cache.js";
import type { RemoteObject, RemoteStore } from "./remote-store.js";
import { WorkerContentHasher } from "./worker-content-hasher.js";

export interface RetrySettings {
  /** Attempts after the first (default 4). */
  retries: number;
  /** First backoff delay; doubles each time (default 500 ms, at most 30 s). */
  minDelayMs: number;
  /** An attempt that receives nothing for this long is abandoned and retried (default 60 s). */
  stallTimeoutMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { retries: 4, minDelayMs: 500, stallTimeoutMs: 60_000 };

export interface Downloaded {
  /** The downloaded bytes, in the cache's staging folder, ready to commit. */
  file: string;
  digests: Digests;
  bytes: number;
  /** Bytes not fetched again because an earlier attempt or run had them (range resume). */
  resumedBytes: number;
}

interface PartialRecord {
  url: string;
  etag: string;
}

/**
 * Downloads one object into the cache's staging folder while hashing it (md5 and sha256, one
 * pass). Transient failures (connection lost, 5xx, stalls, a truncated body) are retried with
 * exponential backoff, resuming from the bytes already written when the server honours
 * ranges for the same version of the object. When every attempt fails, the bytes so far are
 * kept in `partial/` (never among the cache's content) for a later run to resume.
 */
export async function downloadObject(
  store: RemoteStore,
  object: RemoteObject,
  options: {
    cache: DataCache;
    retry: RetrySettings;
    signal?: AbortSignal;
    onBytes?: (bytes: number) => void;
  },
): Promise<Downloaded> {
  const { cache, retry } = options;
  const file = await cache.tempPath();
  const partial = cache.partialPath(object.url);
  let hasher = hasherFor(object);
  let etag = object.etag;
  let resumedBytes = 0;

  const claimed = await claimPartial(partial, object.url, file);
  if (claimed !== undefined) {
    etag = claimed.etag;
    for await (const chunk of createReadStream(file)) await hasher.update(chunk as Buffer);
  } else await writeFile(file, "");

  const attempt = async () => {
    const watchdog = new Watchdog(retry.stallTimeoutMs, object.url);
    const signal = options.signal ? AbortSignal.any([options.signal, watchdog.signal]) : watchdog.signal;
    try {
      const offset = hasher.bytes;
      const opened = await store.open(object, { offset, ...(etag === undefined ? {} : { etag }) }, signal);
      if (offset > 0 && !opened.resumed) {
        await truncate(file, 0);
        hasher.close();
        hasher = hasherFor(object);
      }
      resumedBytes = opened.resumed ? offset : 0;
      etag = opened.etag ?? etag;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          watchdog.kick();
          options.onBytes?.(chunk.byteLength);
          const hashing = hasher.update(chunk);
          if (hashing === undefined) done(null, chunk);
          else hashing.then(() => done(null, chunk));
        },
      });
      watchdog.onFire(() => opened.body.destroy(watchdog.error));
      await pipeline(opened.body, counter, createWriteStream(file, { flags: "a" }));
      const expected = opened.totalSize ?? object.size;
      if (expected !== undefined && hasher.bytes !== expected) {
        throw new StorageError(object.url, `${object.url} ended after ${hasher.bytes} of ${expected} bytes`, {
          transient: true,
        });
      }
    } catch (error) {
      throw watchdog.fired ? watchdog.error : asTransferError(error, object.url, options.signal);
    } finally {
      watchdog.stop();
    }
  };

  try {
    await pRetry(attempt, {
      retries: retry.retries,
      minTimeout: retry.minDelayMs,
      maxTimeout: 30_000,
      factor: 2,
      randomize: true,
      shouldRetry: ({ error }) => error instanceof StorageError && error.transient,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    hasher.close();
    await keepPartial(file, partial, object.url, etag, hasher.bytes);
    throw error;
  }
  return { file, digests: await hasher.digest(), bytes: hasher.bytes, resumedBytes };
}

/** Objects at least this large (or of unknown size) are hashed on a worker thread. */
const WORKER_HASHING_BYTES = 64 * 1024 * 1024;

/**
 * A worker thread hashes a large object while this thread receives it; a small one is hashed
 * here, where a worker's start (milliseconds, megabytes) would cost more than it saves.
 */
function hasherFor(object: RemoteObject): StreamHasher {
  return object.size !== undefined && object.size < WORKER_HASHING_BYTES
    ? new ContentHasher()
    : new WorkerContentHasher();
}

/** Takes over a partial download left by an earlier run, when it is of the same URL and version. */
async function claimPartial(partial: string, url: string, file: string): Promise<PartialRecord | undefined> {
  let record: PartialRecord;
  try {
    record = JSON.parse(await readFile(`${partial}.json`, "utf8")) as PartialRecord;
  } catch {
    return undefined;
  }
  await rm(`${partial}.json`, { force: true });
  if (record.url !== url) return undefined;
  // Renaming is the claim: of two runs, only one gets the file.
  return rename(partial, file).then(
    () => record,
    () => undefined,
  );
}

/** Keeps what was downloaded for the next run, when a version tag lets it resume safely; else drops it. */
async function keepPartial(
  file: string,
  partial: string,
  url: string,
  etag: string | undefined,
  bytes: number,
) {
  if (etag === undefined || bytes === 0) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(partial), { recursive: true });
  await rename(file, partial).catch(() => rm(file, { force: true }));
  await writeFile(`${partial}.json`, JSON.stringify({ url, etag } satisfies PartialRecord)).catch(
    () => undefined,
  );
}

const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
  "ERR_STREAM_PREMATURE_CLOSE",
  "UND_ERR_BODY_TIMEOUT",
]);

/** Errors while streaming a body: a lost connection is transient, a full disk is not. */
function asTransferError(error: unknown, url: string, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof StorageError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? (error as { cause?: { code?: string } }).cause?.code;
  const message = (error as Error).message ?? String(error);
  if (
    (code !== undefined && TRANSIENT_CODES.has(code)) ||
    message === "terminated" ||
    /aborted|socket/i.test(message)
  ) {
    return new StorageError(url, `the transfer of ${url} broke off: ${code ?? message}`, {
      transient: true,
      cause: error,
    });
  }
  return error;
}

/** Abandons an attempt that has received nothing for a while, so a stalled server cannot hang a run. */
class Watchdog {
  readonly #controller = new AbortController();
  readonly error: StorageError;
  #timer: NodeJS.Timeout;
  #listeners: Array<() => void> = [];
  fired = false;

  constructor(ms: number, url: string) {
    this.error = new StorageError(url, `${url} sent nothing for ${formatDuration(ms)}`, {
      transient: true,
      hint: "the server stalled; raise data.stall_timeout in maat.toml for a very slow one",
    });
    this.#timer = setTimeout(() => this.#fire(), ms);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  kick(): void {
    this.#timer.refresh();
  }

  onFire(listener: () => void): void {
    this.#listeners.push(listener);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  #fire(): void {
    this.fired = true;
    this.#controller.abort(this.error);
    for (const listener of this.#listeners) listener();
  }
}
