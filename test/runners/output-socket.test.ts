import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openOutputSocket } from "../../src/runners/local/output-socket.js";

/** Runs a shell command with its stdout on an output socket; resolves with what was read. */
async function readThroughSocket(command: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  // onData's chunk is a view of a reused buffer: keep a copy.
  const output = await openOutputSocket((chunk) => pieces.push(Buffer.from(chunk)));
  const child = spawn("/bin/sh", ["-c", command], { stdio: ["ignore", output.childEnd, "inherit"] });
  output.closeChildEnd();
  await new Promise((resolve) => child.once("exit", resolve));
  await output.drained;
  return Buffer.concat(pieces);
}

describe("openOutputSocket", () => {
  const outerTmp = process.env.TMPDIR;
  afterEach(() => {
    if (outerTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outerTmp;
  });

  it("hands over every byte a benchmark writes, in order, through one reused buffer", async () => {
    // 3 MiB of numbered lines: many reads of the 64 KiB buffer.
    const read = await readThroughSocket("seq 1 400000");
    const expected = `${Array.from({ length: 400000 }, (_, i) => i + 1).join("\n")}\n`;
    expect(read.toString("latin1")).toBe(expected);
  });

  it("works under a temporary folder too deep for a socket's name", async () => {
    const deep = path.join(mkdtempSync(path.join(tmpdir(), "maat-deep-")), "x".repeat(90));
    mkdirSync(deep, { recursive: true });
    process.env.TMPDIR = deep;
    try {
      expect((await readThroughSocket("echo hello")).toString()).toBe("hello\n");
    } finally {
      rmSync(path.dirname(deep), { recursive: true, force: true });
    }
  });

  it("ends when the benchmark and every process it started have closed the output", async () => {
    // The background process most likely writes after the shell has exited; all of it arrives
    // (in whichever order the two were scheduled).
    const read = await readThroughSocket("(sleep 0.2; echo late) & echo early");
    expect(read.toString().split("\n").sort()).toEqual(["", "early", "late"]);
  });
});
