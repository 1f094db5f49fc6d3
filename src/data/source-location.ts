import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DataError } from "./data-error.js";

/** Where a data source lives, by scheme. */
export type SourceLocation =
  | { scheme: "s3"; url: string }
  | { scheme: "http"; url: string }
  | { scheme: "file"; path: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Classifies `src`: s3://, http(s)://, file:// URLs and plain paths (relative ones resolve
 * from `cwd`, the descriptor's folder). Anything else is an error naming the source.
 */
export function locateSource(src: string, cwd: string): SourceLocation {
  const scheme = SCHEME.exec(src)?.[1]?.toLowerCase();
  // "C:" style drive letters do not occur on the POSIX hosts Maat runs on; one letter is still a path.
  if (scheme === undefined || (scheme.length === 1 && !src.includes("://"))) {
    return { scheme: "file", path: isAbsolute(src) ? src : resolve(cwd, src) };
  }
  if (scheme === "s3") return { scheme: "s3", url: src };
  if (scheme === "http" || scheme === "https") {
    if (!URL.canParse(src)) throw new DataError(src, `data source "${src}" is not a valid URL`);
    return { scheme: "http", url: src };
  }
  if (scheme === "file") {
    try {
      return { scheme: "file", path: fileURLToPath(src) };
    } catch (error) {
      throw new DataError(src, `data source "${src}" is not a valid file:// URL`, {
        hint: "write file:///absolute/path or a plain path relative to the descriptor",
        cause: error,
      });
    }
  }
  throw new DataError(src, `data source "${src}" uses ${scheme}://, which Maat cannot fetch`, {
    hint: "use s3://, http://, https://, file:// or a local path",
  });
}
