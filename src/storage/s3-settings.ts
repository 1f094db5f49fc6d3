/**
 * How to reach S3 or an S3-compatible store (MinIO, Ceph, R2...): the `[s3]` table of
 * maat.toml, with per-bucket overrides in `[s3.buckets.<name>]`.
 */
export interface S3Settings {
  /** Region; unset: AWS_REGION / AWS_DEFAULT_REGION, then us-east-1. */
  region?: string;
  /** Endpoint URL of an S3-compatible store, e.g. "http://minio.internal:9000". */
  endpoint?: string;
  /** Path-style addressing (http://host/bucket/key), which most S3-compatible stores need. */
  pathStyle?: boolean;
  /** Unsigned requests, for public buckets: no credentials are looked up. */
  anonymous?: boolean;
}

export interface S3Config extends S3Settings {
  buckets: Record<string, S3Settings>;
}

/** The settings for one bucket: its own table over the shared `[s3]` ones. */
export function s3SettingsFor(config: S3Config, bucket: string): S3Settings {
  const { buckets, ...shared } = config;
  return { ...shared, ...(buckets[bucket] ?? {}) };
}
