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

// Each command is bundled apart from the CLI's entry, each bundle with its own copy of these
// classes, so the entry recognises Maat's errors by a registered symbol, not by their class.
const MAAT_ERROR = Symbol.for("maat.error");
Object.defineProperty(MaatError.prototype, MAAT_ERROR, { value: true });

/** Whether `error` is a MaatError, from this copy of the class or another bundle's. */
export function isMaatError(error: unknown): error is MaatError {
  return error instanceof Error && (error as Error & { [MAAT_ERROR]?: boolean })[MAAT_ERROR] === true;
}

/** Wrong command-line usage: unknown flag, missing argument, bad value. */
export class UsageError extends MaatError {}
