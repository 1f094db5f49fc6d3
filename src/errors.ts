/**
 * The base of every error Maat reports to a user. Each boundary has its own subclass
 * (DescriptorError, RunnerError, ...) carrying the facts a caller needs; `hint` says
 * what the user should do next. The CLI and the action turn these into messages and
 * exit codes in one place, never into stack traces.
 */
export class MaatError extends Error {
  readonly hint: string | undefined;
  /** Process exit code when this error ends a command: 1 benchmark/regression, 2 usage/validation. */
  readonly exitCode: number;

  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
  }
}

/** Wrong command-line usage: unknown flag, missing argument, bad value. */
export class UsageError extends MaatError {}
