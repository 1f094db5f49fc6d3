import path from "node:path";
import { createS3Client } from "../../storage/s3-client.js";
import type { S3Config } from "../../storage/s3-settings.js";
import { s3SettingsFor } from "../../storage/s3-settings.js";
import { parseS3Url } from "../../storage/s3-url.js";
import { createFolderResultsStore } from "./folder-results-store.js";
import type { ResultsStore } from "./results-store.js";
import { createS3ResultsStore } from "./s3-results-store.js";

/**
 * The results store a location names: `s3://bucket/prefix` (reached with the `[s3]` settings)
 * or a folder, relative to `cwd`.
 */
export function openResultsStore(
  location: string,
  options: { cwd: string; s3: S3Config; env: Record<string, string | undefined> },
): ResultsStore {
  if (/^s3:\/\//i.test(location)) {
    const { bucket, key } = parseS3Url(location);
    const client = createS3Client(s3SettingsFor(options.s3, bucket), { env: options.env });
    return createS3ResultsStore(client, bucket, key);
  }
  return createFolderResultsStore(path.resolve(options.cwd, location), location);
}
