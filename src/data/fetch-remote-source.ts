import { rm } from "node:fs/promises";
import type { LimitFunction } from "p-limit";
import type { DataSource } from "../descriptor/types.js";
import type { TreeFile } from "./cache-entry.js";
import { checkDigests, expectedDigests } from "./checksums.js";
import type { CachedContent, DataCache } from "./data-cache.js";
import { type Downloaded, downloadObject, type RetrySettings } from "./download-object.js";
import type { DataRecord } from "./prepared-source.js";
import type { RemoteStore } from "./remote-store.js";
import { safeRelativePath } from "./safe-path.js";
import { TransferProgress } from "./transfer-progress.js";
import { treeDigests } from "./tree-digests.js";

export interface RemoteFetchContext {
  cache: DataCache;
  store: RemoteStore;
  retry: RetrySettings;
  /** Bounds the downloads in flight across every source of the run. */
  limit: LimitFunction;
  signal?: AbortSignal;
  report?: (line: string) => void;
}

/**
 * A remote source in the cache: found by its checksum (or by URL with `cache = "by-url"`),
 * else downloaded, verified and committed. Sources without a checksum are fetched on every
 * run, except that runs waiting on one another for the same URL share one download.
 */
export async function fetchRemoteSource(
  source: DataSource,
  url: string,
  context: RemoteFetchContext,
): Promise<{ content: CachedContent; origin: DataRecord["origin"]; resumedBytes: number }> {
  const { cache } = context;
  const expected = expectedDigests(source);
  const checksummed = expected.md5 !== undefined || expected.sha256 !== undefined;
  const askedAt = new Date();
  const lookup = (waited: boolean) =>
    checksummed
      ? cache.find(expected)
      : source.cache === "by-url"
        ? cache.findByUrl(url)
        : waited
          ? cache.findByUrl(url, askedAt)
          : Promise.resolve(undefined);

  const hit = await lookup(false);
  if (hit !== undefined) return { content: hit, origin: "cache", resumedBytes: 0 };
  return cache.withLock(url, async () => {
    const waitedHit = await lookup(true);
    if (waitedHit !== undefined) return { content: waitedHit, origin: "cache" as const, resumedBytes: 0 };
    const listing = await context.store.list(url, context.signal);
    const total = listing.objects.every((o) => o.size !== undefined)
      ? listing.objects.reduce((sum, o) => sum + (o.size ?? 0), 0)
      : undefined;
    const progress = new TransferProgress(total, (line) => context.report?.(`${source.src}: ${line}`));
    const downloads = await downloadAll(listing.objects, source.src, context, progress);
    progress.finish();
    const resumedBytes = downloads.reduce((sum, d) => sum + d.resumedBytes, 0);
    try {
      let content: CachedContent;
      if (listing.kind === "file") {
        const [only] = downloads as [Downloaded & { relativePath: string }];
        checkDigests(source.src, expected, only.digests, source.src);
        content = await cache.commitFile(only.file, { ...only.digests, bytes: only.bytes });
      } else {
        const files: TreeFile[] = downloads.map((d) => ({
          path: d.relativePath,
          ...d.digests,
          bytes: d.bytes,
        }));
        checkDigests(source.src, expected, treeDigests(files), `${source.src} (${files.length} objects)`);
        for (const d of downloads) await cache.commitFile(d.file, { ...d.digests, bytes: d.bytes });
        content = await cache.commitTree(files);
      }
      await cache.recordUrl(url, content.entry.sha256, new Date());
      return { content, origin: "download" as const, resumedBytes };
    } finally {
      // Whatever was not committed (a checksum mismatch) leaves no trace.
      await Promise.all(downloads.map((d) => rm(d.file, { force: true })));
    }
  });
}

async function downloadAll(
  objects: Awaited<ReturnType<RemoteStore["list"]>>["objects"],
  src: string,
  context: RemoteFetchContext,
  progress: TransferProgress,
): Promise<Array<Downloaded & { relativePath: string }>> {
  for (const object of objects) if (object.relativePath !== "") safeRelativePath(src, object.relativePath);
  const settled = await Promise.allSettled(
    objects.map((object) =>
      context.limit(async () => ({
        relativePath: object.relativePath,
        ...(await downloadObject(context.store, object, {
          cache: context.cache,
          retry: context.retry,
          ...(context.signal === undefined ? {} : { signal: context.signal }),
          onBytes: (bytes) => progress.add(bytes),
        })),
      })),
    ),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed !== undefined) {
    await Promise.all(
      settled.flatMap((s) => (s.status === "fulfilled" ? [rm(s.value.file, { force: true })] : [])),
    );
    throw failed.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<Downloaded & { relativePath: string }>).value);
}
