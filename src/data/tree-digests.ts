import { createHash } from "node:crypto";
import type { TreeFile } from "./cache-entry.js";
import type { Digests } from "./checksums.js";

/**
 * The digests of a folder: md5 and sha256 of its `md5sum` / `sha256sum` lines
 * ("<hex>  ./<path>\n") sorted by path bytewise, as `find . -type f | LC_ALL=C sort` would.
 * The Kubernetes init container checks a folder's md5 the same way, so one descriptor md5
 * holds for both.
 */
export function treeDigests(files: readonly TreeFile[]): Digests {
  const sorted = sortTreeFiles(files);
  const md5 = createHash("md5");
  const sha256 = createHash("sha256");
  for (const file of sorted) {
    md5.update(`${file.md5}  ./${file.path}\n`);
    sha256.update(`${file.sha256}  ./${file.path}\n`);
  }
  return { md5: md5.digest("hex"), sha256: sha256.digest("hex") };
}

export function sortTreeFiles<T extends { path: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => Buffer.compare(Buffer.from(`./${a.path}`), Buffer.from(`./${b.path}`)));
}
