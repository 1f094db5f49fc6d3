/** What the cache knows about one piece of content, addressed by its sha256. */
export interface CacheEntry {
  kind: "file" | "directory";
  /** A file's sha256, or for a directory the sha256 of its sorted `sha256sum` lines. */
  sha256: string;
  /** A file's md5, or for a directory the md5 of its sorted `md5sum` lines. */
  md5: string;
  bytes: number;
  files: number;
}

/** One file of a directory entry, as recorded in its manifest. */
export interface TreeFile {
  /** Forward-slash path below the directory. */
  path: string;
  sha256: string;
  md5: string;
  bytes: number;
}
