import { createHash, type Hash } from "node:crypto";
import type { Digests } from "./checksums.js";

/** md5 (the descriptor format's checksum) and sha256 (the cache's address) of one stream, in one pass. */
export class ContentHasher {
  #md5: Hash = createHash("md5");
  #sha256: Hash = createHash("sha256");
  bytes = 0;

  update(chunk: Uint8Array): void {
    this.#md5.update(chunk);
    this.#sha256.update(chunk);
    this.bytes += chunk.byteLength;
  }

  digest(): Digests {
    return { md5: this.#md5.digest("hex"), sha256: this.#sha256.digest("hex") };
  }
}
