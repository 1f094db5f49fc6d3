import { HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { RunnerError } from "../../runner.js";
import { type CodeBundleStore, codeBundleLocation } from "./code-store.js";

/**
 * Bundles in S3 at `s3://<bucket>/<prefix>maat-code/<sha256>.tar.gz`: named by content, so a
 * bundle already there is not uploaded again, and a pod can never fetch a different one.
 *
 * Example: `createS3CodeStore("s3://bench-artifacts/ci", new S3Client({}))`.
 */
export function createS3CodeStore(bucketUrl: string, client: S3Client): CodeBundleStore {
  return {
    async put(bundle) {
      const { bucket, key, url } = codeBundleLocation(bucketUrl, bundle.sha256);
      try {
        const present = await client
          .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
          .then(() => true)
          .catch((error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
            if (error.name === "NotFound" || error.$metadata?.httpStatusCode === 404) return false;
            throw error;
          });
        if (!present) {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: bundle.data,
              ContentType: "application/gzip",
              Metadata: { "maat-commit": bundle.commit, "maat-sha256": bundle.sha256 },
            }),
          );
        }
        return url;
      } catch (error) {
        throw new RunnerError(`could not upload the code bundle to ${url}: ${(error as Error).message}`, {
          phase: "prepare",
          hint: "check kubernetes.code_bucket and this machine's AWS credentials (s3:PutObject and s3:GetObject on the bucket)",
          cause: error,
        });
      }
    },
  };
}
