import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CappedLog } from "../../src/runners/capped-log.js";

const dir = mkdtempSync(path.join(tmpdir(), "maat-capped-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the file must hold: the head, a line saying what was cut (if anything was), the tail. */
function expectedLog(output: Buffer, headBytes: number, tailBytes: number): string {
  if (output.length <= headBytes + tailBytes) return output.toString("latin1");
  const cut = output.length - headBytes - tailBytes;
  const line = `\n[maat: ${cut} bytes of output cut here; the log keeps the first ${headBytes} bytes and the last ${tailBytes} bytes]\n`;
  return (
    output.subarray(0, headBytes).toString("latin1") +
    line +
    output.subarray(output.length - tailBytes).toString("latin1")
  );
}

describe("CappedLog", () => {
  it("keeps the head and the tail of any output, in any chunks, even when the caller reuses its buffer", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 25 }),
        async (chunks, headBytes, tailBytes) => {
          const file = path.join(dir, `log-${run++}.txt`);
          const log = await CappedLog.open(file, { headBytes, tailBytes });
          // One buffer for every chunk, overwritten after each write, as the output reader does.
          const reused = Buffer.alloc(64);
          for (const chunk of chunks) {
            reused.set(chunk);
            log.write(reused.subarray(0, chunk.length));
            reused.fill(0x21);
          }
          const summary = await log.close();
          const output = Buffer.concat(chunks.map((c) => Buffer.from(c)));
          expect(readFileSync(file, "latin1")).toBe(expectedLog(output, headBytes, tailBytes));
          expect(summary).toEqual({
            bytes: output.length,
            cutBytes: Math.max(0, output.length - headBytes - tailBytes),
          });
        },
      ),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
