import pLimit from "p-limit";
import type { DataSource } from "../descriptor/types.js";
import { checkDigests, expectedDigests } from "./checksums.js";
import { DataCache } from "./data-cache.js";
import type { DataSettings } from "./data-settings.js";
import { fetchRemoteSource } from "./fetch-remote-source.js";
import { createHttpStore } from "./http-store.js";
import { describeLocalSource } from "./local-source.js";
import type { PreparedSource } from "./prepared-source.js";
import type { RemoteStore } from "./remote-store.js";
import { locateSource } from "./source-location.js";

export interface PrepareDataOptions {
  settings: DataSettings;
  /** The descriptor's folder: relative paths resolve from it. */
  cwd: string;
  /** For the S3 client's region fallback (AWS_REGION); the SDK's credential chain reads its own. */
  env: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Progress lines for long downloads ("s3://b/k: 312 MiB of 1.0 GiB (30%), 95 MiB/s, ETA 8.0 s"). */
  report?: (line: string) => void;
  /** Replaces the S3 / HTTP implementations (tests of the orchestration). */
  stores?: { s3?: RemoteStore; http?: RemoteStore };
}

/**
 * Makes every data source available on this host and says where: remote sources (s3://,
 * http(s)://) in the content-addressed cache, verified against their md5/sha256; local ones
 * (file://, paths) in place, verified too. Runners place each `hostPath` at the source's
 * `path` (the local runner links it, a container runner mounts it read-only).
 *
 * @example
 * const prepared = await prepareDataSources(descriptor.data.sources, { settings, cwd, env });
 * for (const p of prepared) mounts.push(`${p.hostPath}:${p.source.path}:ro`);
 */
export async function prepareDataSources(
  sources: readonly DataSource[],
  options: PrepareDataOptions,
): Promise<PreparedSource[]> {
  const cache = new DataCache(options.settings.cacheDir);
  const limit = pLimit(options.settings.parallel);
  // Built on first use: a run with only local sources never loads the S3 SDK's settings.
  const stores: { s3?: RemoteStore; http?: RemoteStore } = { ...options.stores };
  const storeFor = async (scheme: "s3" | "http"): Promise<RemoteStore> => {
    if (scheme === "s3") {
      // Loaded on demand: the S3 SDK is a large part of the bundle, and most runs need none.
      const { createS3Store } = await import("./s3-store.js");
      stores.s3 ??= createS3Store(options.settings.s3, options.env);
      return stores.s3;
    }
    stores.http ??= createHttpStore();
    return stores.http;
  };

  return Promise.all(
    sources.map(async (source): Promise<PreparedSource> => {
      const location = locateSource(source.src, options.cwd);
      const common = {
        src: source.src,
        path: source.path,
        ...(source.id === undefined ? {} : { id: source.id }),
      };
      if (location.scheme === "file") {
        const content = await describeLocalSource(source.src, location.path, cache.localMemoDir);
        checkDigests(source.src, expectedDigests(source), content.digests, location.path);
        return {
          source,
          hostPath: location.path,
          record: {
            ...common,
            kind: content.kind,
            ...content.digests,
            bytes: content.bytes,
            files: content.files,
            origin: "local",
          },
        };
      }
      const fetched = await fetchRemoteSource(source, location.url, {
        cache,
        store: await storeFor(location.scheme),
        retry: options.settings.retry,
        limit,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.report === undefined ? {} : { report: options.report }),
      });
      const { entry } = fetched.content;
      return {
        source,
        hostPath: fetched.content.path,
        record: {
          ...common,
          kind: entry.kind,
          sha256: entry.sha256,
          md5: entry.md5,
          bytes: entry.bytes,
          files: entry.files,
          origin: fetched.origin,
          ...(fetched.resumedBytes > 0 ? { resumedBytes: fetched.resumedBytes } : {}),
        },
      };
    }),
  );
}
