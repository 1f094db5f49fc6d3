import { readBaselines } from "./files.js";
import type { ParseBaselineOptions } from "./parse.js";
import type { Baseline, BaselineStore } from "./types.js";

/** A store over baselines already in memory (tests, or baselines fetched from elsewhere). */
export function baselineStore(baselines: readonly Baseline[]): BaselineStore {
  return { baselines: (benchmarkId) => baselines.filter((b) => b.benchmarkId === benchmarkId) };
}

/**
 * Reads the baselines of the given benchmarks from a `baselines/` folder into a read-only
 * store; `recentRuns` keeps only each file's newest runs (enough for the comparison window
 * and the trend charts), which makes large histories cheap to compare.
 */
export async function readBaselineStore(
  dir: string,
  benchmarkIds: Iterable<string>,
  options: ParseBaselineOptions = {},
): Promise<BaselineStore> {
  const ids = [...new Set(benchmarkIds)];
  const all = (await Promise.all(ids.map((id) => readBaselines(dir, id, options)))).flat();
  return baselineStore(all);
}
