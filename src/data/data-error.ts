import { MaatError } from "../errors.js";

/**
 * A data source that cannot be provided as described: an unsupported scheme, a checksum
 * mismatch, a download that failed for good, a key that escapes its folder. `src` names the
 * source as the descriptor wrote it.
 */
export class DataError extends MaatError {
  readonly src: string;

  constructor(src: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { exitCode: 2, ...options });
    this.src = src;
  }
}
