/** Where a command writes its text: process.stdout or stderr, a test's PassThrough, or fd 1. */
export interface OutputSink {
  write(text: string | Uint8Array): unknown;
}

/** What a CLI command receives: everything from the outside world, injected so tests can drive it. */
export interface CommandContext {
  /** Arguments after the command name. */
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Machine output (`--json`) and results. */
  stdout: OutputSink;
  /** Progress, logs and diagnostics. */
  stderr: OutputSink;
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

/**
 * The context with other arguments (a subcommand's). Copies property descriptors rather than
 * spreading, so stderr and colors stay getters: reading them makes Node's stderr stream.
 */
export function withArguments(context: CommandContext, argv: string[]): CommandContext {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(context)) as CommandContext;
  copy.argv = argv;
  return copy;
}
