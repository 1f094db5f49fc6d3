import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import type { S3Settings } from "./s3-settings.js";

export interface S3ClientOptions {
  /** Only AWS_REGION / AWS_DEFAULT_REGION are read from it, when the settings name no region. */
  env?: Record<string, string | undefined>;
  /** Attempts per request made by the SDK itself (default 3). */
  maxAttempts?: number;
}

/**
 * The one place an S3 client is built (data sources, the results store, code bundles):
 * the standard credential chain (environment, shared config and SSO profiles, web identity,
 * container and instance metadata), or unsigned requests for `anonymous` buckets.
 *
 * @example createS3Client({ endpoint: "http://127.0.0.1:9000", pathStyle: true })
 */
export function createS3Client(settings: S3Settings, options: S3ClientOptions = {}): S3Client {
  const env = options.env ?? {};
  const config: S3ClientConfig = {
    region: settings.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    // A bucket in another region answers with a redirect; follow it instead of failing.
    followRegionRedirects: true,
    maxAttempts: options.maxAttempts ?? 3,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.pathStyle === undefined ? {} : { forcePathStyle: settings.pathStyle }),
  };
  if (settings.anonymous === true) {
    // Public buckets: no credential lookup and no signature, as `aws s3 --no-sign-request`.
    config.credentials = { accessKeyId: "", secretAccessKey: "" };
    config.signer = { sign: async (request) => request };
  }
  return new S3Client(config);
}
