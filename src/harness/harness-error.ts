import { MaatError } from "../errors.js";

/** A result file that cannot be read as the format it was declared to be. */
export class HarnessFileError extends MaatError {
  readonly file: string;
  readonly format: string;

  constructor(file: string, format: string, message: string, hint?: string) {
    super(`${file}: ${message}`, hint === undefined ? {} : { hint });
    this.file = file;
    this.format = format;
  }
}
