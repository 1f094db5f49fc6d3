import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** Files up to this size are read whole; reading the tail only pays off beyond it. */
const WHOLE_FILE_BYTES = 256 * 1024;
/** First guess of the bytes the newest runs take, from the end of the file. */
const TAIL_GUESS_BYTES = 1024 * 1024;
/** The header (benchmark, hardware, metric units) is small: one read usually holds it. */
const HEADER_CHUNK_BYTES = 64 * 1024;
const RUNS_MARKER = Buffer.from('\n  "runs": [\n');

/**
 * The text of a baseline file with only (at least) its newest `recentRuns` run lines: the
 * header up to `"runs": [`, then the file's tail, in one read when it can. Runs are written
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

    // The header, in as few reads as it takes (one, unless the hardware or metric list is huge).
    let header = await readAt(handle, 0, Math.min(HEADER_CHUNK_BYTES, size));
    let markerAt = header.indexOf(RUNS_MARKER);
    while (markerAt === -1 && header.length < size) {
      header = await readAt(handle, 0, Math.min(header.length * 4, size));
      markerAt = header.indexOf(RUNS_MARKER);
    }
    if (markerAt === -1) return { text: header.toString("utf8"), partial: false };
    const runsStart = markerAt + RUNS_MARKER.length;

    // The tail, in one positioned read when the first guess holds the runs (the usual case),
    // else a read four times larger: no buffer is zero-filled or concatenated.
    // The closing `  ]` and `}` lines come after the runs, hence the extra lines.
    let length = Math.min(TAIL_GUESS_BYTES, size - runsStart);
    let tail = await readAt(handle, size - length, length);
    while (length < size - runsStart && countNewlines(tail) < recentRuns + 3) {
      length = Math.min(length * 4, size - runsStart);
      tail = await readAt(handle, size - length, length);
    }
    // Only the newest lines are decoded: a long history's older runs are most of the tail, and
    // decoding and splitting them cost more than parsing the window.
    const lineStart = startOfLastLines(tail, recentRuns + 3);
    const partial = lineStart > 0 || length < size - runsStart;
    if (lineStart > 0) tail = tail.subarray(lineStart);
    else if (partial) tail = tail.subarray(tail.indexOf(10) + 1);
    // One decode of one buffer: the text is flat from the start, not a pair the parser must copy.
    return { text: Buffer.concat([header.subarray(0, runsStart), tail]).toString("utf8"), partial };
  } finally {
    await handle.close();
  }
}

async function readAt(
  handle: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  // allocUnsafe: every byte returned is overwritten by the read (the subarray stops at bytesRead).
  const buffer = Buffer.allocUnsafe(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Where the last `lines` lines of a buffer start (after a newline); 0 when it has no more lines than that. */
function startOfLastLines(buffer: Buffer, lines: number): number {
  // The last line ends with a newline: it is the (lines + 1)-th newline from the end that
  // precedes the first of them.
  let at = buffer.length;
  for (let seen = 0; seen <= lines; seen++) {
    at = buffer.lastIndexOf(10, at - 1);
    if (at === -1) return 0;
  }
  return at + 1;
}

function countNewlines(buffer: Buffer): number {
  let count = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) count++;
  return count;
}
