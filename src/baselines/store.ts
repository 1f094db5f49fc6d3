import { readBaselines } from "./files.js";
import type { Baseline, BaselineStore } from "./types.js";

/** A store over baselines already in memory (tests, or baselines fetched from elsewhere). */
export function baselineStore(baselines: readonly Baseline[]): BaselineStore {
  return { baselines: (benchmarkId) => baselines.filter((b) => b.benchmarkId === benchmarkId) };
}

/** Reads the baselines of the given benchmarks from a `baselines/` folder into a store. */
export async function readBaselineStore(dir: string, benchmarkIds: Iterable<string>): Promise<BaselineStore> {
  const all: Baseline[] = [];
  for (const id of new Set(benchmarkIds)) all.push(...(await readBaselines(dir, id)));
  return baselineStore(all);
}
