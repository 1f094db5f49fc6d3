import { DataError } from "./data-error.js";

/**
 * A relative path below a destination folder, as the forward-slash segments of an object key
 * or a source `path`. Refuses anything that would land outside the folder: `..` and `.`
 * segments, absolute paths, empty segments, backslashes and NUL.
 *
 * @example safeRelativePath("s3://b/d/", "train/x.bin") // "train/x.bin"
 */
export function safeRelativePath(src: string, relative: string): string {
  const segments = relative.split("/");
  const bad =
    relative === "" ||
    relative.includes("\0") ||
    relative.includes("\\") ||
    segments.some((segment) => segment === "" || segment === "." || segment === "..");
  if (bad) {
    throw new DataError(src, `"${relative}" under ${src} would escape its destination folder`, {
      hint: "object keys and paths may not contain '..', '.', empty segments, backslashes or NUL",
    });
  }
  return relative;
}

/** A source's `path` without its leading slashes, checked like a key: where it goes below the data folder. */
export function placementPath(src: string, path: string, fallback: string): string {
  const trimmed = path.replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? fallback : safeRelativePath(src, trimmed.replace(/\/{2,}/g, "/"));
}
