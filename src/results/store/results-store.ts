import { MaatError } from "../../errors.js";

/** A receipt and the folder of its logs, as `maat run` wrote them. */
export interface ResultToStore {
  resultId: string;
  /** The receipt file's exact bytes: stores compare them to keep writes idempotent. */
  receipt: string;
  /** The run's log folder on this machine; absent or missing: the receipt goes alone. */
  logDir?: string;
}

/** "stored": written now; "unchanged": the store already held these very bytes. */
export type PutOutcome = "stored" | "unchanged";

/**
 * Where receipts live beyond the machine that ran them: a folder (the default, `.maat/results`)
 * or S3 (`s3://bucket/prefix`). Keys are result ids, `<benchmark>/<timestamp>-<shortsha>`,
 * laid out as `<benchmark>/<name>.json` with logs in `<benchmark>/<name>.logs/`.
 */
export interface ResultsStore {
  /** The store as the user wrote it: a folder or s3://bucket/prefix. */
  readonly location: string;
  /** Logs first, then the receipt; never replaces a different receipt under the same id. */
  put(result: ResultToStore): Promise<PutOutcome>;
  /** Result ids, oldest first; one benchmark's history with `benchmark`. */
  list(filter?: { benchmark?: string }): Promise<string[]>;
  /** One receipt's bytes. */
  get(resultId: string): Promise<string>;
  /** Copies a result's logs into `dir`; returns how many files. */
  getLogs(resultId: string, dir: string): Promise<number>;
}

/** A results store refused a write or a read: a different receipt under the same id, a missing result. */
export class ResultsStoreError extends MaatError {
  readonly location: string;

  constructor(location: string, message: string, hint?: string) {
    super(message, { exitCode: 1, ...(hint === undefined ? {} : { hint }) });
    this.location = location;
  }
}

/** `<benchmark>/<name>` split, checked to be a safe relative key (the receipt schema's pattern). */
export function resultKey(resultId: string): { benchmark: string; name: string } {
  const match = /^([a-z0-9._-]+)\/([A-Za-z0-9._-]+)$/.exec(resultId);
  if (match === null || match[1]!.startsWith(".") || match[2]!.startsWith(".")) {
    throw new ResultsStoreError("", `"${resultId}" is not a result id (<benchmark>/<timestamp>-<shortsha>)`);
  }
  return { benchmark: match[1]!, name: match[2]! };
}

export function conflict(location: string, resultId: string): ResultsStoreError {
  return new ResultsStoreError(
    location,
    `${location} already holds a different receipt for ${resultId}; nothing was overwritten`,
    "result ids are unique per run: find out which machine wrote the other one before removing either",
  );
}
