import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { OutputSink } from "../../src/cli/command.js";
import { blockingOutput } from "../../src/cli/standard-output.js";
import { repoRoot } from "./harness.js";

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A sink that records what reaches it. */
function recorder(): OutputSink & { text: () => string } {
  const chunks: Buffer[] = [];
  return { write: (chunk) => chunks.push(Buffer.from(chunk)), text: () => Buffer.concat(chunks).toString() };
}

describe("the CLI's standard output", () => {
  it("writes every byte when the descriptor takes a text in pieces", () => {
    const taken: Buffer[] = [];
    const output = blockingOutput((bytes) => {
      const piece = Buffer.from(bytes.subarray(0, 3));
      taken.push(piece);
      return piece.length;
    }, recorder);
    output.write("1 descriptor valid, ");
    output.write(Buffer.from("0 invalid ✓\n"));
    expect(Buffer.concat(taken).toString()).toBe("1 descriptor valid, 0 invalid ✓\n");
  });

  it("sends the rest, and everything after, through the stream when the descriptor is full", () => {
    const stream = recorder();
    let calls = 0;
    const output = blockingOutput(
      () => {
        calls += 1;
        if (calls === 1) return 4;
        throw errno("EAGAIN");
      },
      () => stream,
    );
    output.write("abcdefgh");
    output.write("ijk");
    expect(stream.text()).toBe("efghijk");
    expect(calls).toBe(2);
  });

  it("ends quietly when the reader has gone, and raises any other failure", () => {
    let calls = 0;
    const gone = blockingOutput(() => {
      calls += 1;
      throw errno("EPIPE");
    }, recorder);
    expect(() => gone.write("a")).not.toThrow();
    gone.write("b");
    expect(calls).toBe(1);
    const broken = blockingOutput(() => {
      throw errno("EIO");
    }, recorder);
    expect(() => broken.write("a")).toThrow("EIO");
  });

  it("reaches a file the bundled CLI's output is redirected to", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "maat-stdout-"));
    try {
      const file = path.join(dir, "out.json");
      const fd = openSync(file, "w");
      try {
        execFileSync(process.execPath, [path.join(repoRoot, "dist/cli.js"), "validate", "--json"], {
          cwd: repoRoot,
          stdio: ["ignore", fd, "pipe"],
        });
      } finally {
        closeSync(fd);
      }
      const report = JSON.parse(readFileSync(file, "utf8"));
      expect(report.files.length).toBeGreaterThan(0);
      expect(report.files.every((f: { valid: boolean }) => f.valid)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
