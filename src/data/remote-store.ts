import type { Readable } from "node:stream";

/** One object to download: a whole HTTP resource, or one S3 object (of a prefix, perhaps). */
export interface RemoteObject {
  url: string;
  /** Path below the source's folder for an object of a prefix; "" for a single object. */
  relativePath: string;
  size?: number;
  etag?: string;
}

export interface RemoteListing {
  /** "directory" for a prefix (s3://bucket/dir/), whose objects land below the source's path. */
  kind: "file" | "directory";
  objects: RemoteObject[];
}

export interface OpenedObject {
  body: Readable;
  /** The whole object's size, when the server says. */
  totalSize?: number;
  etag?: string;
  /** True when the server honoured the range, so the body starts at the requested offset. */
  resumed: boolean;
}

/** Where remote data comes from: S3 or HTTP(S), behind one small interface the downloader uses. */
export interface RemoteStore {
  list(url: string, signal?: AbortSignal): Promise<RemoteListing>;
  /** Opens the object from `offset` (when > 0, only if it is still the version `etag` names). */
  open(
    object: RemoteObject,
    from: { offset: number; etag?: string },
    signal: AbortSignal,
  ): Promise<OpenedObject>;
}
