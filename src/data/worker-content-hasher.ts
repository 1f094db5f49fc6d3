import { Worker } from "node:worker_threads";
import type { Digests } from "./checksums.js";
import type { StreamHasher } from "./content-hasher.js";

/**
 * The worker: hashes what it is sent, says every few MiB how much it has hashed, and answers
 * `null` with the digests. Evaluated from this text, so the bundle needs no second file.
 */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const md5 = createHash("md5");
const sha256 = createHash("sha256");
let hashed = 0;
parentPort.on("message", (chunk) => {
  if (chunk === null) {
    parentPort.postMessage({ md5: md5.digest("hex"), sha256: sha256.digest("hex") });
    return;
  }
  md5.update(chunk);
  sha256.update(chunk);
  hashed += chunk.byteLength;
  if (hashed >= ${1024 * 1024}) {
    parentPort.postMessage(hashed);
    hashed = 0;
  }
});
`;

/** Bytes sent to the worker and not yet hashed, before a download waits for it. */
const QUEUE_LIMIT = 16 * 1024 * 1024;

/**
 * md5 and sha256 of a large download, computed on a worker thread while this one receives and
 * writes: hashing 1 GiB takes about 2 CPU seconds, as much as receiving it. Each chunk is copied
 * once, into a buffer handed to the worker without a second copy; at most QUEUE_LIMIT bytes wait.
 */
export class WorkerContentHasher implements StreamHasher {
  bytes = 0;
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true });
  readonly #digests: Promise<Digests>;
  #queued = 0;
  #resume: (() => void) | undefined;
  #failure: Error | undefined;
  #fail: (error: Error) => void = () => undefined;

  constructor() {
    this.#digests = new Promise<Digests>((resolve, reject) => {
      this.#worker.on("message", (message: number | Digests) => {
        if (typeof message !== "number") return resolve(message);
        this.#queued -= message;
        if (this.#queued <= QUEUE_LIMIT) this.#wake();
      });
      this.#fail = (error) => {
        this.#failure ??= error;
        this.#wake();
        reject(this.#failure);
      };
      this.#worker.once("error", this.#fail);
      this.#worker.once("exit", (code) =>
        this.#fail(new Error(`the hashing thread stopped (exit code ${code})`)),
      );
    });
    // Settled by digest(); a download that fails first never asks for it.
    this.#digests.catch(() => undefined);
  }

  update(chunk: Uint8Array): Promise<void> | undefined {
    const copy = new Uint8Array(chunk);
    this.#worker.postMessage(copy, [copy.buffer]);
    this.bytes += chunk.byteLength;
    this.#queued += chunk.byteLength;
    if (this.#queued <= QUEUE_LIMIT || this.#failure !== undefined) return undefined;
    return new Promise<void>((resolve) => {
      this.#resume = resolve;
    });
  }

  async digest(): Promise<Digests> {
    this.#worker.postMessage(null);
    try {
      return await this.#digests;
    } finally {
      this.close();
    }
  }

  close(): void {
    this.#fail(new Error("the hashing thread was stopped before the download ended"));
    void this.#worker.terminate();
  }

  #wake(): void {
    const resume = this.#resume;
    this.#resume = undefined;
    resume?.();
  }
}
