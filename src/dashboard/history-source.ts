import { readdir } from "node:fs/promises";
import path from "node:path";
import { readBaselines } from "../baselines/files.js";
import { emptyBaseline, foldIntoBaseline } from "../baselines/fold.js";
import { hardwareKey } from "../baselines/hardware-key.js";
import type { Baseline } from "../baselines/types.js";
import type { ResultReceipt } from "../results/receipt-types.js";

/**
 * Where the dashboard reads history from, one benchmark at a time (so 500 benchmarks never sit
 * in memory together). `baselinesSource` reads a `baselines/` folder; `withReceipts` adds runs
 * from receipts (a results folder, or any results store that can list its receipts), linking
 * each point to its receipt.
 */
export interface HistorySource {
  /** Every benchmark id the source has history for, sorted. */
  listBenchmarks(): Promise<string[]>;
  /** The benchmark's history on each hardware key (runs oldest first). */
  readBenchmark(benchmarkId: string): Promise<Baseline[]>;
  /** Where a run's receipt can be opened (a path inside the site or a URL); undefined when unknown. */
  receiptLink(resultId: string): string | undefined;
}

/** The runs kept in `baselines/<benchmark>/<hardware>.json`. */
export function baselinesSource(dir: string): HistorySource {
  return {
    async listBenchmarks() {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      const ids: string[] = [];
      for (const entry of entries) {
        if (!entry.isDirectory()) continue;
        const files = await readdir(path.join(dir, entry.name)).catch(() => []);
        if (files.some((f) => f.endsWith(".json"))) ids.push(entry.name);
      }
      return ids.sort();
    },
    readBenchmark: (benchmarkId) => readBaselines(dir, benchmarkId),
    receiptLink: () => undefined,
  };
}

/** A receipt and where the site links it (see `receiptLink`). */
export interface LinkedReceipt {
  receipt: ResultReceipt;
  link?: string;
}

/**
 * `source` plus the succeeded runs of `receipts` it does not already hold (a run is matched by
 * result id; the baseline's own record, with its regression flags, wins). Receipts of a
 * hardware key the source lacks start a history of their own.
 */
export function withReceipts(source: HistorySource, receipts: readonly LinkedReceipt[]): HistorySource {
  const byBenchmark = new Map<string, ResultReceipt[]>();
  const links = new Map<string, string>();
  for (const { receipt, link } of receipts) {
    if (receipt.status !== "succeeded") continue;
    byBenchmark.set(receipt.benchmark.id, [...(byBenchmark.get(receipt.benchmark.id) ?? []), receipt]);
    if (link !== undefined) links.set(receipt.resultId, link);
  }
  return {
    async listBenchmarks() {
      return [...new Set([...(await source.listBenchmarks()), ...byBenchmark.keys()])].sort();
    },
    async readBenchmark(benchmarkId) {
      const baselines = new Map((await source.readBenchmark(benchmarkId)).map((b) => [b.hardware.slug, b]));
      for (const receipt of byBenchmark.get(benchmarkId) ?? []) {
        const hardware = hardwareKey(receipt);
        const baseline = baselines.get(hardware.slug) ?? emptyBaseline(benchmarkId, hardware);
        const folded = foldIntoBaseline(baseline, receipt, { maxRuns: Number.MAX_SAFE_INTEGER });
        baselines.set(hardware.slug, folded.baseline);
      }
      return [...baselines.values()].sort((a, b) => (a.hardware.slug < b.hardware.slug ? -1 : 1));
    },
    receiptLink: (resultId) => links.get(resultId) ?? source.receiptLink(resultId),
  };
}
