import { PassThrough } from "node:stream";
import type { CommandContext } from "../../src/cli/command.js";

/** A command context over in-memory streams; `output()` returns what was written so far. */
export function commandContext(cwd: string, argv: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on("data", (c: Buffer) => chunks.stdout.push(c));
  stderr.on("data", (c: Buffer) => chunks.stderr.push(c));
  const context: CommandContext = {
    argv,
    cwd,
    env,
    stdout,
    stderr,
    colors: false,
    signal: new AbortController().signal,
  };
  const output = () => ({
    stdout: Buffer.concat(chunks.stdout).toString("utf8"),
    stderr: Buffer.concat(chunks.stderr).toString("utf8"),
  });
  return { context, output };
}
