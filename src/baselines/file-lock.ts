import { mkdir, open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BaselineError } from "./errors.js";

/** A lock nobody released (its process died) is taken over; a live holder is waited for this long at most. */
const GIVE_UP_MS = 10 * 60_000;

/**
 * Runs `work` while holding `<file>.lock`, an exclusive lock file created with O_EXCL, so that
 * parallel `maat baseline update` runs on one file read, fold and write one after another and
 * none loses another's runs. A lock left by a process that no longer runs on this host is removed.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  await mkdir(dirname(file), { recursive: true });
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, "wx");
      await handle.writeFile(`${process.pid}@${hostname()}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new BaselineError(`cannot lock baseline file ${file}: ${(error as Error).message}`, {
          file,
          cause: error,
        });
      }
      if (await isStale(lock)) {
        await rm(lock, { force: true });
        continue;
      }
      if (performance.now() - started > GIVE_UP_MS) {
        throw new BaselineError(`baseline file ${file} is locked by another maat process (${lock})`, {
          file,
          hint: "wait for the other 'maat baseline' command to finish, or remove the lock file if none runs",
        });
      }
      await sleep(Math.min(200, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

async function isStale(lock: string): Promise<boolean> {
  const text = await readFile(lock, "utf8").catch(() => undefined);
  const match = /^(\d+)@(.*)$/m.exec(text ?? "");
  // Being written right now (empty), or held on another machine: not ours to judge.
  if (match === null || match[2] !== hostname()) return false;
  try {
    process.kill(Number(match[1]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
