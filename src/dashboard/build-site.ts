import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ComparisonPolicy } from "../stats/types.js";
import { DASHBOARD_ASSETS } from "./assets.js";
import { benchmarkPage } from "./benchmark-page.js";
import type { HistorySource, LinkedReceipt } from "./history-source.js";
import { indexEntry } from "./index-entry.js";
import type { IndexEntry, SiteIndex } from "./page-data.js";
import { renderBenchmarkPage } from "./render-benchmark.js";
import { renderIndexPage } from "./render-index.js";

export interface BuildSiteOptions {
  source: HistorySource;
  outDir: string;
  title?: string;
  /** `https://github.com/owner/repo`, for commit links. */
  repositoryUrl?: string;
  policy?: Partial<ComparisonPolicy>;
  now?: Date;
}

export interface BuiltSite {
  benchmarks: number;
  runs: number;
  /** Bytes of the largest benchmark data file (what one page loads). */
  largestDataFile: number;
}

/**
 * Writes the static site: `index.html`, one page and one data file per benchmark (a page loads
 * only its own), and the assets. Benchmarks are read and written one at a time, so memory
 * stays that of the largest benchmark.
 *
 * @example await buildSite({ source: baselinesSource("baselines"), outDir: "site" });
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const { outDir, source } = options;
  const generatedAt = (options.now ?? new Date()).toISOString();
  for (const folder of ["assets", "data", "benchmarks"])
    await mkdir(path.join(outDir, folder), { recursive: true });
  for (const [name, content] of Object.entries(DASHBOARD_ASSETS))
    await writeFile(path.join(outDir, "assets", name), content);
  // GitHub Pages serves the folder as is (no Jekyll processing).
  await writeFile(path.join(outDir, ".nojekyll"), "");

  const ids = await source.listBenchmarks();
  const entries: IndexEntry[] = [];
  let runs = 0;
  let largestDataFile = 0;
  for (const [i, id] of ids.entries()) {
    const page = benchmarkPage(id, await source.readBenchmark(id), {
      generatedAt,
      ...(options.repositoryUrl === undefined ? {} : { repositoryUrl: options.repositoryUrl }),
      ...(options.policy === undefined ? {} : { policy: options.policy }),
      receiptLink: (resultId) => source.receiptLink(resultId),
    });
    const data = `window.MAAT_BENCHMARK = ${JSON.stringify(page)};\n`;
    largestDataFile = Math.max(largestDataFile, Buffer.byteLength(data));
    await writeFile(path.join(outDir, "data", `${id}.js`), data);
    const nav = {
      ...(i > 0 ? { previous: `${ids[i - 1]}.html` } : {}),
      ...(i + 1 < ids.length ? { next: `${ids[i + 1]}.html` } : {}),
    };
    await writeFile(path.join(outDir, "benchmarks", `${id}.html`), renderBenchmarkPage(page, nav));
    const entry = indexEntry(page, `benchmarks/${id}.html`);
    runs += entry.runs;
    entries.push(entry);
  }
  const index: SiteIndex = { title: options.title ?? "Benchmarks", generatedAt, benchmarks: entries };
  await writeFile(path.join(outDir, "index.html"), renderIndexPage(index));
  await writeFile(path.join(outDir, "data", "index.json"), `${JSON.stringify(index)}\n`);
  return { benchmarks: ids.length, runs, largestDataFile };
}

/**
 * Copies receipts into the site (`receipts/<result-id>.json`) so every point can link to the
 * receipt behind it; the links are relative to the benchmark pages.
 */
export async function copyReceiptsIntoSite(
  outDir: string,
  receipts: ReadonlyArray<{ file: string; receipt: LinkedReceipt["receipt"] }>,
): Promise<LinkedReceipt[]> {
  const linked: LinkedReceipt[] = [];
  for (const { file, receipt } of receipts) {
    const target = path.join(outDir, "receipts", `${receipt.resultId}.json`);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(file, target);
    linked.push({ receipt, link: `../receipts/${receipt.resultId}.json` });
  }
  return linked;
}
