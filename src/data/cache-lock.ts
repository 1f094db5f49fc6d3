import { mkdir } from "node:fs/promises";
import path from "node:path";
import lockfile from "proper-lockfile";

/**
 * Runs `work` holding an inter-process lock on `key` below `locksDir`, so two runs sharing a
 * cache never fetch the same object at once: the second waits, then finds it cached. The
 * lock only prevents duplicate work; the cache stays consistent without it, because content
 * lands by atomic rename. A lock whose holder died goes stale after a minute.
 */
export async function withCacheLock<T>(locksDir: string, key: string, work: () => Promise<T>): Promise<T> {
  await mkdir(locksDir, { recursive: true });
  const target = path.join(locksDir, key);
  const release = await lockfile.lock(target, {
    realpath: false,
    lockfilePath: `${target}.lock`,
    stale: 60_000,
    update: 10_000,
    retries: { forever: true, minTimeout: 50, maxTimeout: 1000, factor: 1.5 },
    // A busy machine can delay the refresh past `stale`; another run may then fetch the same
    // object too, which wastes bandwidth but never corrupts anything (see above).
    onCompromised: () => undefined,
  });
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
