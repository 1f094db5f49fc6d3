import { writeSync } from "node:fs";
import type { OutputSink } from "./command.js";

/**
 * The CLI's standard output, written with blocking writes to file descriptor 1 rather than
 * through process.stdout: making that stream loads Node's stream modules, a twentieth of what
 * `maat validate` costs, and commands write their results in a few calls that need no buffering.
 * On Windows the console needs Node's stream (it writes UTF-16 to the console).
 */
export function standardOutput(): OutputSink {
  if (process.platform === "win32") return { write: (text) => process.stdout.write(text) };
  return blockingOutput(
    (bytes) => writeSync(1, bytes),
    () => process.stdout,
  );
}

/**
 * Writes each text whole through `writeBytes` (a blocking write that returns how many bytes it
 * took), with two exceptions:
 * - a non-blocking descriptor that is full (EAGAIN: a pipe another process made non-blocking)
 *   sends the rest, and everything after, to `stream()`, which waits for the reader;
 * - a reader that has gone (EPIPE, `maat validate --json | head -1`) ends the output quietly.
 */
export function blockingOutput(
  writeBytes: (bytes: Uint8Array) => number,
  stream: () => OutputSink,
): OutputSink {
  let fallback: OutputSink | undefined;
  let closed = false;
  return {
    write(text) {
      if (fallback !== undefined) return fallback.write(text);
      if (closed) return true;
      let bytes = typeof text === "string" ? Buffer.from(text) : text;
      try {
        while (bytes.length > 0) bytes = bytes.subarray(writeBytes(bytes));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EPIPE") {
          closed = true;
          return true;
        }
        if (code !== "EAGAIN") throw error;
        fallback = stream();
        return fallback.write(bytes);
      }
      return true;
    },
  };
}
