import { createWriteStream, type WriteStream } from "node:fs";
import { finished } from "node:stream/promises";

/** A log keeps its first and last this many bytes; what lies between is cut and said so. */
export const LOG_HEAD_BYTES = 8 * 1024 * 1024;
export const LOG_TAIL_BYTES = 8 * 1024 * 1024;

export interface LogSummary {
  /** Bytes the process wrote. */
  bytes: number;
  /** Bytes left out of the log file (0 when it holds everything). */
  cutBytes: number;
}

/**
 * A log file that never slows the process writing it and never grows without bound: the head
 * goes to the file as it arrives, the tail is kept in memory (at most `tailBytes`) and written at
 * the end after a line saying how much was cut. `write` never reports backpressure, so a benchmark
 * is never paused for the disk while it is being timed.
 */
export class CappedLog {
  readonly #stream: WriteStream;
  readonly #headBytes: number;
  readonly #tailBytes: number;
  #written = 0;
  #tail: Buffer[] = [];
  #tailLength = 0;
  #cut = 0;

  private constructor(stream: WriteStream, headBytes: number, tailBytes: number) {
    this.#stream = stream;
    this.#headBytes = headBytes;
    this.#tailBytes = tailBytes;
  }

  static async open(
    file: string,
    options: { headBytes?: number; tailBytes?: number } = {},
  ): Promise<CappedLog> {
    const stream = createWriteStream(file);
    await new Promise<void>((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", reject);
    });
    return new CappedLog(stream, options.headBytes ?? LOG_HEAD_BYTES, options.tailBytes ?? LOG_TAIL_BYTES);
  }

  write(chunk: Buffer): void {
    const room = this.#headBytes - this.#written;
    if (room > 0) {
      // Chunks are fresh buffers from the pipe (never reused by the reader): no copy needed.
      const head = chunk.subarray(0, room);
      this.#stream.write(head);
      this.#written += head.length;
      chunk = chunk.subarray(head.length);
    }
    if (chunk.length === 0) return;
    this.#tail.push(chunk);
    this.#tailLength += chunk.length;
    while (this.#tailLength > this.#tailBytes) {
      const first = this.#tail[0]!;
      const excess = this.#tailLength - this.#tailBytes;
      if (first.length <= excess) {
        this.#tail.shift();
        this.#tailLength -= first.length;
        this.#cut += first.length;
      } else {
        this.#tail[0] = first.subarray(excess);
        this.#tailLength -= excess;
        this.#cut += excess;
      }
    }
  }

  /** Writes the tail (after a line saying what was cut) and closes the file. */
  async close(): Promise<LogSummary> {
    if (this.#cut > 0) {
      this.#stream.write(
        `\n[maat: ${this.#cut} bytes of output cut here; the log keeps the first ${mib(this.#headBytes)} and the last ${mib(this.#tailBytes)}]\n`,
      );
    }
    for (const piece of this.#tail) this.#stream.write(piece);
    const bytes = this.#written + this.#tailLength + this.#cut;
    this.#tail = [];
    this.#stream.end();
    await finished(this.#stream).catch(() => undefined);
    return { bytes, cutBytes: this.#cut };
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** The receipt's note for a log that was cut, or undefined when it holds everything. */
export function describeCutLog(summary: LogSummary): string | undefined {
  if (summary.cutBytes === 0) return undefined;
  return `${summary.cutBytes} of the benchmark's ${summary.bytes} bytes of output were cut from the middle of its log (the log keeps its head and tail; metrics were read from all of it)`;
}
