import { StorageError } from "./storage-error.js";

const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "UND_ERR_SOCKET",
  "ERR_STREAM_PREMATURE_CLOSE",
]);
const TRANSIENT_NAMES = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeTooSkewed",
  "SlowDown",
  "InternalError",
  "ServiceUnavailable",
  "ThrottlingException",
]);

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Turns whatever the S3 SDK threw into a StorageError that says what to do: wrong or missing
 * credentials, no access, no such bucket or key, an unreachable endpoint (transient).
 */
export function describeS3Error(error: unknown, url: string, doing: string): StorageError {
  if (error instanceof StorageError) return error;
  const e = (error ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  const name = e.name ?? "";
  const code = e.code ?? (error as { cause?: { code?: string } })?.cause?.code ?? "";
  const detail = e.message ?? String(error);
  const make = (message: string, hint: string, transient = false) =>
    new StorageError(url, `${doing} ${url} failed: ${message}`, {
      hint,
      transient,
      cause: error,
      ...(status === undefined ? {} : { status }),
    });
  if (name === "CredentialsProviderError") {
    return make(
      "no AWS credentials were found",
      "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE (or use a role); for a public bucket set anonymous = true under [s3] in maat.toml",
    );
  }
  if (["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken"].includes(name)) {
    return make(
      `the credentials were rejected (${name})`,
      "check the access key, secret and session token the AWS credential chain finds (aws sts get-caller-identity)",
    );
  }
  if (name === "AccessDenied" || status === 403) {
    return make(
      `access denied (${name || "403"})`,
      "the credentials have no permission for this bucket or key; a public bucket needs anonymous = true",
    );
  }
  if (name === "NoSuchBucket")
    return make("the bucket does not exist", "check the bucket name and the endpoint");
  if (name === "NoSuchKey" || name === "NotFound" || status === 404) {
    return make("no such object", "check the key; a folder (prefix) URL ends with '/'");
  }
  if (name === "PreconditionFailed" || status === 412) {
    return make("the object changed while it was being read", "run again to fetch the new version", true);
  }
  if (TRANSIENT_CODES.has(code) || TRANSIENT_NAMES.has(name) || (status !== undefined && status >= 500)) {
    return make(
      `${code || name || `HTTP ${status}`}: ${detail}`,
      "the store could not be reached or was overloaded; check the endpoint and try again",
      true,
    );
  }
  if (status === 429) return make("too many requests", "slow down and try again", true);
  return make(`${name || code || "error"}: ${detail}`, "check the URL and the [s3] settings in maat.toml");
}
