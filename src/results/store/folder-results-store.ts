import { randomBytes } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { conflict, type ResultsStore, ResultsStoreError, resultKey } from "./results-store.js";

/** The default store: a folder, laid out as `maat run` writes `.maat/results/`. */
export function createFolderResultsStore(root: string, location = root): ResultsStore {
  const receiptPath = (resultId: string) => {
    const { benchmark, name } = resultKey(resultId);
    return path.join(root, benchmark, `${name}.json`);
  };
  return {
    location,
    async put({ resultId, receipt, logDir }) {
      const target = receiptPath(resultId);
      const existing = await readFile(target, "utf8").catch(() => undefined);
      if (existing !== undefined) {
        if (existing !== receipt) throw conflict(location, resultId);
        return "unchanged";
      }
      await mkdir(path.dirname(target), { recursive: true });
      if (logDir !== undefined) await copyLogs(logDir, target.replace(/\.json$/, ".logs"));
      // Link a complete temp file into place: the link fails rather than replace a receipt.
      const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(temp, receipt);
      try {
        await link(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        if ((await readFile(target, "utf8")) !== receipt) throw conflict(location, resultId);
        return "unchanged";
      } finally {
        await rm(temp, { force: true });
      }
      return "stored";
    },
    async list(filter = {}) {
      const benchmarks = filter.benchmark === undefined ? await names(root) : [filter.benchmark];
      const ids: string[] = [];
      for (const benchmark of benchmarks) {
        for (const file of await names(path.join(root, benchmark))) {
          if (file.endsWith(".json")) ids.push(`${benchmark}/${file.slice(0, -".json".length)}`);
        }
      }
      return ids.sort(byName);
    },
    async get(resultId) {
      return readFile(receiptPath(resultId), "utf8").catch(() => {
        throw new ResultsStoreError(
          location,
          `${location} has no result ${resultId}`,
          "list them with 'maat results list --store'",
        );
      });
    },
    async getLogs(resultId, dir) {
      return copyLogs(receiptPath(resultId).replace(/\.json$/, ".logs"), dir);
    },
  };
}

/** Log files (the files directly in the folder; work folders stay behind). */
async function copyLogs(from: string, to: string): Promise<number> {
  const entries = await readdir(from, { withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile());
  if (files.length > 0) await mkdir(to, { recursive: true });
  for (const file of files) {
    const target = path.join(to, file.name);
    const same = await stat(target).then(
      async (s) => s.size === (await stat(path.join(from, file.name))).size,
      () => false,
    );
    if (!same) await copyFile(path.join(from, file.name), target);
  }
  return files.length;
}

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** Result names start with a sortable timestamp; order by it, then by benchmark. */
export function byName(a: string, b: string): number {
  const [ab, an] = a.split("/") as [string, string];
  const [bb, bn] = b.split("/") as [string, string];
  return an.localeCompare(bn) || ab.localeCompare(bb);
}
