import { MaatError } from "../errors.js";

/** A baseline file that cannot be read, parsed or written. */
export class BaselineError extends MaatError {
  readonly file: string | undefined;

  constructor(
    message: string,
    options: { file?: string; hint?: string; exitCode?: number; cause?: unknown } = {},
  ) {
    super(message, options);
    this.file = options.file;
  }
}
