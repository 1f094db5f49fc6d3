import { normalUpperTail } from "../distributions.js";
import type { Random } from "../rng.js";

/** The most likely split of a segment by the standardized rank-sum (Mann-Whitney) statistic. */
export interface RankSplit {
  /** Split offset within the segment: the first point of the right part. */
  split: number;
  /** Largest |z| over the allowed splits. */
  z: number;
  /** Number of splits considered. */
  splits: number;
}

/** Mid-ranks (1-based) of a segment: O(m log m). */
export function midRanks(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]!] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Scans every split t in [minSegment, m - minSegment] in one pass: the rank sum of the left
 * part against its permutation mean and standard deviation (exact under ties). O(m).
 */
export function bestRankSplit(ranks: Float64Array, minSegment: number): RankSplit {
  const m = ranks.length;
  const meanRank = (m + 1) / 2;
  let squares = 0;
  for (let i = 0; i < m; i++) squares += (ranks[i]! - meanRank) ** 2;
  let best = { split: -1, z: 0, splits: 0 };
  if (squares === 0) return best;
  let cumulative = 0;
  for (let t = 1; t < m - minSegment + 1; t++) {
    cumulative += ranks[t - 1]! - meanRank;
    if (t < minSegment) continue;
    best.splits++;
    const sd = Math.sqrt((((t * (m - t)) / m) * squares) / (m - 1));
    const z = Math.abs(cumulative) / sd;
    if (z > best.z) best = { ...best, split: t, z };
  }
  return best;
}

/**
 * p-value of the largest split statistic. A Bonferroni bound settles clear steps and clearly
 * flat segments at no cost; only borderline ones pay for a permutation test, which stops early
 * once 10 permutations beat the observed statistic (Besag & Clifford 1991).
 */
export function splitPValue(
  ranks: Float64Array,
  observed: RankSplit,
  minSegment: number,
  permutations: number,
  random: Random,
): number {
  const pointwise = 2 * normalUpperTail(observed.z);
  const bonferroni = Math.min(1, observed.splits * pointwise);
  if (bonferroni < 1e-4 || pointwise > 0.05) return bonferroni;
  const shuffled = Float64Array.from(ranks);
  let exceed = 0;
  let done = 0;
  while (done < permutations && exceed < 10) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      const swap = shuffled[i]!;
      shuffled[i] = shuffled[j]!;
      shuffled[j] = swap;
    }
    done++;
    if (bestRankSplit(shuffled, minSegment).z >= observed.z) exceed++;
  }
  return exceed >= 10 ? exceed / done : (exceed + 1) / (done + 1);
}
