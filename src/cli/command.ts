import type { Writable } from "node:stream";

/** What a CLI command receives: everything from the outside world, injected so tests can drive it. */
export interface CommandContext {
  /** Arguments after the command name. */
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Machine output (`--json`) and results. */
  stdout: Writable;
  /** Progress, logs and diagnostics. */
  stderr: Writable;
  /** Whether stderr is a terminal (colours and live progress only then). */
  colors: boolean;
  /** Aborted on SIGINT/SIGTERM: long-running commands stop their work and clean up. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** Full help for `maat <name> --help`, with examples. */
  help: string;
  /** Returns the process exit code: 0 success, 1 benchmark failure or regression, 2 usage/validation error. */
  run(context: CommandContext): Promise<number>;
}
