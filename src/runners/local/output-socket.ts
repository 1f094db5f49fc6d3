import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Bytes read from a benchmark's output at a time (what Node's own pipes read). */
const READ_BYTES = 64 * 1024;
/** Longest temporary folder a socket name fits under (sun_path holds 104-108 bytes). */
const MAX_FOLDER_BYTES = 80;

export interface OutputSocket {
  /** The end the benchmark writes to: give it to spawn's stdio, then `closeChildEnd`. */
  readonly childEnd: net.Socket;
  /** Resolves once every process holding the child end has closed it and all output was read. */
  readonly drained: Promise<void>;
  /** Closes Maat's copy of the child end, so the output ends when the benchmark's copies close. */
  closeChildEnd(): void;
  /** Stops reading: a process outside the benchmark's group may hold the child end forever. */
  destroy(): void;
}

/**
 * A connected pair of local sockets for one output stream of a benchmark: the benchmark writes
 * to one end, as it would to the socket pair Node's `stdio: "pipe"` makes, and Maat reads the
 * other into one reused buffer. Node's own pipes hand over every read in a new buffer that lives
 * until the next garbage collection: a benchmark printing a gigabyte kept ~80 MiB of them alive.
 * `onData` gets a view of the reused buffer, valid only during the call: keep a copy, not it.
 */
export async function openOutputSocket(onData: (chunk: Buffer) => void): Promise<OutputSocket> {
  // The socket's name lives only until both ends are connected. Socket names are limited to
  // about 100 bytes: a deep temporary folder gives way to /tmp.
  const base = Buffer.byteLength(tmpdir()) > MAX_FOLDER_BYTES ? "/tmp" : tmpdir();
  const dir = await mkdtemp(path.join(base, "maat-out-"));
  const server = net.createServer();
  try {
    const name = path.join(dir, "s");
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(name, () => resolve());
    });
    const accepted = new Promise<net.Socket>((resolve) => server.once("connection", resolve));
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    const reader = net.connect({
      path: name,
      onread: {
        buffer,
        callback: (length: number) => {
          onData(buffer.subarray(0, length));
          return true;
        },
      },
    });
    await new Promise<void>((resolve, reject) => {
      reader.once("connect", () => resolve());
      reader.once("error", reject);
    });
    const childEnd = await accepted;
    // A read error (the benchmark's side reset) ends the output like a close does.
    reader.on("error", () => undefined);
    const drained = new Promise<void>((resolve) => reader.once("close", () => resolve()));
    return {
      childEnd,
      drained,
      closeChildEnd: () => childEnd.destroy(),
      destroy: () => reader.destroy(),
    };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
