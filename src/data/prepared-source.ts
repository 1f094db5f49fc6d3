import type { DataSource } from "../descriptor/types.js";

/** What the receipt records about one data source: what was actually used. */
export interface DataRecord {
  src: string;
  path: string;
  id?: string;
  kind: "file" | "directory";
  /** The sha256 actually seen (a folder's: of its sorted sha256sum lines). */
  sha256: string;
  md5: string;
  bytes: number;
  files: number;
  /** "cache": found in the data cache; "download": fetched by this run; "local": the user's own file or folder. */
  origin: "cache" | "download" | "local";
  /** Bytes an interrupted download had already fetched, resumed by range requests. */
  resumedBytes?: number;
}

/** A data source ready to be used: where its bytes lie on this machine, and its record. */
export interface PreparedSource {
  source: DataSource;
  /** A file or folder on this host: read-only content in the cache, or the user's own local path. */
  hostPath: string;
  record: DataRecord;
}
