import path from "node:path";
import type { S3Config } from "../../storage/s3-settings.js";
import { s3SettingsFor } from "../../storage/s3-settings.js";
import { parseS3Url } from "../../storage/s3-url.js";
import { createFolderResultsStore } from "./folder-results-store.js";
import type { ResultsStore } from "./results-store.js";

/**
 * The results store a location names: `s3://bucket/prefix` (reached with the `[s3]` settings)
 * or a folder, relative to `cwd`.
 */
export async function openResultsStore(
  location: string,
  options: { cwd: string; s3: S3Config; env: Record<string, string | undefined> },
): Promise<ResultsStore> {
  if (/^s3:\/\//i.test(location)) {
    const { bucket, key } = parseS3Url(location);
    // Loaded on demand: the S3 SDK is a large part of the bundle.
    const { createS3Client } = await import("../../storage/s3-client.js");
    const { createS3ResultsStore } = await import("./s3-results-store.js");
    const client = createS3Client(s3SettingsFor(options.s3, bucket), { env: options.env });
    return createS3ResultsStore(client, bucket, key);
  }
  return createFolderResultsStore(path.resolve(options.cwd, location), location);
}
