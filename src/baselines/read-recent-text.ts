import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** Files up to this size are read whole; reading the tail only pays off beyond it. */
const WHOLE_FILE_BYTES = 256 * 1024;
const CHUNK_BYTES = 1024 * 1024;
/** The header (benchmark, hardware, metric units) is small: read it in small steps. */
const HEADER_CHUNK_BYTES = 64 * 1024;
const RUNS_MARKER = Buffer.from('\n  "runs": [\n');

/**
 * The text of a baseline file with only (at least) its newest `recentRuns` run lines: the
 * header up to `"runs": [`, then the file's tail, read backwards in chunks. Runs are written
 * oldest first, one per line, so the newest runs are the last lines. `partial` is false when
 * the whole file was read (small file, or not in the serializer's layout).
 */
export async function readRecentText(
  file: string,
  recentRuns: number,
): Promise<{ text: string; partial: boolean }> {
  // Non-blocking, and only regular files: a FIFO or device in baselines/ must not hang the read.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${file} is not a regular file`);
    const { size } = info;
    if (size <= WHOLE_FILE_BYTES) return { text: await handle.readFile("utf8"), partial: false };

    let header = Buffer.alloc(0);
    let markerAt = -1;
    for (let position = 0; markerAt === -1 && position < size; position += HEADER_CHUNK_BYTES) {
      header = Buffer.concat([
        header,
        await readAt(handle, position, Math.min(HEADER_CHUNK_BYTES, size - position)),
      ]);
      markerAt = header.indexOf(RUNS_MARKER);
    }
    if (markerAt === -1) return { text: header.toString("utf8"), partial: false };
    const runsStart = markerAt + RUNS_MARKER.length;

    let tail = Buffer.alloc(0);
    let start = size;
    // The closing `  ]` and `}` lines come after the runs, hence the extra lines.
    while (start > runsStart && countNewlines(tail) < recentRuns + 3) {
      const next = Math.max(runsStart, start - CHUNK_BYTES);
      tail = Buffer.concat([await readAt(handle, next, start - next), tail]);
      start = next;
    }
    if (start > runsStart) tail = tail.subarray(tail.indexOf(10) + 1);
    return {
      text: header.subarray(0, runsStart).toString("utf8") + tail.toString("utf8"),
      partial: start > runsStart,
    };
  } finally {
    await handle.close();
  }
}

async function readAt(
  handle: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function countNewlines(buffer: Buffer): number {
  let count = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) count++;
  return count;
}
