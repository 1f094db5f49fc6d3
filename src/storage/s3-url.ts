import { StorageError } from "./storage-error.js";

/** An `s3://bucket/key` URL split into its parts; `key` is "" for the whole bucket. */
export interface S3Location {
  bucket: string;
  key: string;
}

const S3_URL = /^s3:\/\/([^/]+)(?:\/(.*))?$/i;
// S3's bucket naming rules, loosely: 3-63 characters of lower-case letters, digits, dots, hyphens.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Parses `s3://bucket/key/path`.
 *
 * @example parseS3Url("s3://datasets/imagenet/train/") // { bucket: "datasets", key: "imagenet/train/" }
 */
export function parseS3Url(url: string): S3Location {
  const match = S3_URL.exec(url);
  const bucket = match?.[1];
  if (match === null || bucket === undefined || !BUCKET.test(bucket)) {
    throw new StorageError(url, `"${url}" is not an S3 URL of the form s3://bucket/key`, {
      hint: "bucket names are 3-63 lower-case letters, digits, dots and hyphens",
    });
  }
  return { bucket, key: match[2] ?? "" };
}

export function formatS3Url(location: S3Location): string {
  return `s3://${location.bucket}/${location.key}`;
}
