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
 * is never paused for the disk while it is being timed. Written chunks are copied, never kept:
 * callers may reuse their buffers.
 */
export class CappedLog {
  readonly #stream: WriteStream;
  readonly #headBytes: number;
  readonly #tailBytes: number;
  #written = 0;
  /** The newest output past the head, a ring: allocated when the head is full. */
  #tail: Buffer | undefined;
  /** Where the next tail byte goes, and how many of the ring's bytes hold output. */
  #tailAt = 0;
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
      const head = chunk.subarray(0, room);
      // A copy: the file is written later, and the caller's buffer may hold other output by then.
      this.#stream.write(Buffer.from(head));
      this.#written += head.length;
      chunk = chunk.subarray(head.length);
    }
    if (chunk.length > 0) this.#keepInTail(chunk);
  }

  #keepInTail(chunk: Buffer): void {
    const size = this.#tailBytes;
    if (size === 0) {
      this.#cut += chunk.length;
      return;
    }
    this.#tail ??= Buffer.allocUnsafe(size);
    // Only the newest `size` bytes of a large chunk can stay.
    if (chunk.length > size) {
      this.#cut += chunk.length - size;
      chunk = chunk.subarray(chunk.length - size);
    }
    const overwritten = Math.max(0, this.#tailLength + chunk.length - size);
    this.#cut += overwritten;
    const first = Math.min(chunk.length, size - this.#tailAt);
    chunk.copy(this.#tail, this.#tailAt, 0, first);
    chunk.copy(this.#tail, 0, first);
    this.#tailAt = (this.#tailAt + chunk.length) % size;
    this.#tailLength = Math.min(size, this.#tailLength + chunk.length);
  }

  /** Writes the tail (after a line saying what was cut) and closes the file. */
  async close(): Promise<LogSummary> {
    if (this.#cut > 0) {
      this.#stream.write(
        `\n[maat: ${this.#cut} bytes of output cut here; the log keeps the first ${mib(this.#headBytes)} and the last ${mib(this.#tailBytes)}]\n`,
      );
    }
    if (this.#tail !== undefined && this.#tailLength > 0) {
      // Oldest first: from where the next byte would go (a full ring), or from the start.
      const start = this.#tailLength === this.#tailBytes ? this.#tailAt : 0;
      this.#stream.write(this.#tail.subarray(start, this.#tailLength));
      if (start > 0) this.#stream.write(this.#tail.subarray(0, start));
    }
    const bytes = this.#written + this.#tailLength + this.#cut;
    this.#stream.end();
    await finished(this.#stream).catch(() => undefined);
    this.#tail = undefined;
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
