import { createHash, type Hash } from "node:crypto";
import type { Digests } from "./checksums.js";

/** What a download hashes its bytes with: in this thread, or in a worker for a large object. */
export interface StreamHasher {
  readonly bytes: number;
  /** A promise when too much is waiting to be hashed: take the next chunk once it settles. */
  update(chunk: Uint8Array): Promise<void> | undefined;
  digest(): Digests | Promise<Digests>;
  /** Stops any worker; the hasher is not used after. */
  close(): void;
}

/** md5 (the descriptor format's checksum) and sha256 (the cache's address) of one stream, in one pass. */
export class ContentHasher implements StreamHasher {
  #md5: Hash = createHash("md5");
  #sha256: Hash = createHash("sha256");
  bytes = 0;

  update(chunk: Uint8Array): undefined {
    this.#md5.update(chunk);
    this.#sha256.update(chunk);
    this.bytes += chunk.byteLength;
    return undefined;
  }

  digest(): Digests {
    return { md5: this.#md5.digest("hex"), sha256: this.#sha256.digest("hex") };
  }

  close(): void {}
}
