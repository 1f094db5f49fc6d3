import type { CodeBundle } from "./make-bundle.js";

/** Where bundles too large for a ConfigMap go: an object store the pods can read (S3). */
export interface CodeBundleStore {
  /** Stores the bundle (once per content) and returns the URL the pod downloads it from. */
  put(bundle: CodeBundle): Promise<string>;
}

/**
 * Pure. Where a bundle lives in a code bucket: `s3://<bucket>/<prefix>/maat-code/<sha256>.tar.gz`,
 * named by content so a pod can only ever fetch the bundle it was rendered for.
 */
export function codeBundleLocation(
  bucketUrl: string,
  sha256: string,
): { bucket: string; key: string; url: string } {
  const match = /^(?:s3:\/\/)?([^/]+)\/?(.*)$/.exec(bucketUrl);
  const bucket = match?.[1] ?? bucketUrl;
  const prefix = (match?.[2] ?? "").replace(/\/*$/, "");
  const key = `${prefix === "" ? "" : `${prefix}/`}maat-code/${sha256}.tar.gz`;
  return { bucket, key, url: `s3://${bucket}/${key}` };
}
