import { MaatError } from "../errors.js";

/**
 * Something an object store (S3 or an S3-compatible one) refused or could not do: bad
 * credentials, no such bucket, an unreachable endpoint. `url` names what was asked for;
 * `hint` says what to change. `transient` marks failures worth retrying.
 */
export class StorageError extends MaatError {
  readonly url: string;
  readonly transient: boolean;
  /** HTTP status of the store's answer, when there was one. */
  readonly status: number | undefined;

  constructor(
    url: string,
    message: string,
    options: { hint?: string; cause?: unknown; transient?: boolean; status?: number } = {},
  ) {
    super(message, { exitCode: 2, ...options });
    this.url = url;
    this.transient = options.transient ?? false;
    this.status = options.status;
  }
}
