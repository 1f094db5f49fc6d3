import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContentHasher } from "../../src/data/content-hasher.js";
import { WorkerContentHasher } from "../../src/data/worker-content-hasher.js";

const digestOf = (algorithm: string, data: Uint8Array) => createHash(algorithm).update(data).digest("hex");

describe("hashing a large download on a worker thread", () => {
  it("gives the digests of the whole stream, however it is chunked", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200_000 }),
        fc.array(fc.nat({ max: 70_000 }), { maxLength: 12 }),
        async (data, cuts) => {
          const hasher = new WorkerContentHasher();
          const inThread = new ContentHasher();
          const ends = [...new Set(cuts.map((cut) => Math.min(cut, data.length)))].sort((a, b) => a - b);
          let start = 0;
          for (const end of [...ends, data.length]) {
            // The worker gets a copy: reusing the chunk's memory at once must not change the digest.
            const chunk = Buffer.from(data.subarray(start, end));
            await hasher.update(chunk);
            inThread.update(chunk);
            chunk.fill(0);
            start = end;
          }
          const digests = await hasher.digest();
          expect(digests).toEqual({ md5: digestOf("md5", data), sha256: digestOf("sha256", data) });
          expect(digests).toEqual(inThread.digest());
          expect(hasher.bytes).toBe(data.length);
        },
      ),
      { numRuns: 25, seed: 20261202 },
    );
  });

  it("makes the download wait while more than 16 MiB wait to be hashed", async () => {
    const hasher = new WorkerContentHasher();
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const whole = createHash("sha256");
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      const waiting = hasher.update(chunk);
      whole.update(chunk);
      if (waiting !== undefined) {
        waits.push(i);
        await waiting;
      }
    }
    // Nothing is acknowledged before this thread yields, so the 17th MiB is the first to wait.
    expect(waits[0]).toBe(16);
    expect((await hasher.digest()).sha256).toBe(whole.digest("hex"));
  });

  it("stops its thread when the download is abandoned", async () => {
    const hasher = new WorkerContentHasher();
    hasher.update(Buffer.alloc(1000));
    hasher.close();
    await expect(hasher.digest()).rejects.toThrow();
  });
});
