import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { builtinModule } from "./builtin-module.js";

/** Why a file Maat was asked to read cannot be read; `message` names the path. */
export class FileReadProblem extends Error {
  readonly file: string;
  readonly code: "not-found" | "not-a-file" | "too-large" | "unreadable";
  constructor(file: string, code: FileReadProblem["code"], message: string) {
    super(message);
    this.file = file;
    this.code = code;
  }
}

/** Size caps of the files Maat reads: a descriptor or maat.toml is a few KiB. */
export const MAX_TOML_BYTES = 64 * 1024;
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/**
 * Reads a regular file of at most `maxBytes`. Directories, FIFOs, devices and symlink loops are
 * refused before a byte is read (opened non-blocking, so a FIFO cannot hang the process), and an
 * oversized file is refused without reading it: each with a FileReadProblem naming the path.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  // Small files (descriptors, maat.toml: a thousand of them per plan) in four plain system
  // calls; the promise API costs more than the read itself at that size.
  if (maxBytes <= SMALL_FILE_BYTES) return readSmallRegularFile(file, maxBytes);
  let handle: FileHandle;
  try {
    // Loaded here: node:fs/promises brings readline and the streams into every start that needs
    // only a descriptor.
    const { open } = builtinModule("node:fs/promises");
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openProblem(file, error);
  }
  try {
    // Read one byte past the cap: a file that grows while read is refused too.
    const buffer = Buffer.alloc(bytesToRead(file, await handle.stat(), maxBytes));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(file, maxBytes);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw readProblem(file, error);
  } finally {
    await handle.close();
  }
}

const SMALL_FILE_BYTES = 1024 * 1024;

function readSmallRegularFile(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openProblem(file, error);
  }
  try {
    const buffer = Buffer.allocUnsafe(bytesToRead(file, fstatSync(fd), maxBytes));
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(file, maxBytes);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw readProblem(file, error);
  } finally {
    closeSync(fd);
  }
}

/** The buffer a read needs: the file's size (capped) plus one byte, to notice it growing. */
function bytesToRead(file: string, info: Stats, maxBytes: number): number {
  if (!info.isFile()) {
    throw new FileReadProblem(file, "not-a-file", `${file} is ${kindOf(info)}, not a regular file`);
  }
  if (info.size > maxBytes) throw tooLarge(file, maxBytes);
  return Math.min(info.size, maxBytes) + 1;
}

function readProblem(file: string, error: unknown): FileReadProblem {
  if (error instanceof FileReadProblem) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new FileReadProblem(file, "unreadable", `${file} cannot be read (${code ?? String(error)})`);
}

function openProblem(file: string, error: unknown): FileReadProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new FileReadProblem(file, "not-found", `${file} does not exist`);
  const why = code === "ELOOP" ? "is a symbolic link loop" : `cannot be opened (${code ?? String(error)})`;
  return new FileReadProblem(file, code === "ELOOP" ? "not-a-file" : "unreadable", `${file} ${why}`);
}

/** A text file (UTF-8) read with readRegularFile. */
export async function readRegularTextFile(file: string, maxBytes: number): Promise<string> {
  return (await readRegularFile(file, maxBytes)).toString("utf8");
}

function tooLarge(file: string, maxBytes: number): FileReadProblem {
  return new FileReadProblem(file, "too-large", `${file} is larger than ${describeBytes(maxBytes)}`);
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  return "a device";
}
