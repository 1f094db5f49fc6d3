/** One scratch buffer, reused: medians run for 10,000 metrics in one comparison. */
let scratch = new Float64Array(64);

/**
 * The median of `values[start..end)` (the whole sample by default), without allocating: copied
 * into a scratch buffer and put in order by insertion sort, which beats the native sort on the
 * few dozen values a window holds.
 */
export function fastMedian(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (n <= 0) return Number.NaN;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  if (n > INSERTION_SORT_MAX) {
    // A segment summary of hundreds of runs: insertion sort's n² would dominate.
    for (let i = 0; i < n; i++) scratch[i] = values[start + i]!;
    return medianOfSorted(scratch.subarray(0, n).sort());
  }
  for (let i = 0; i < n; i++) {
    const v = values[start + i]!;
    let j = i - 1;
    while (j >= 0 && scratch[j]! > v) {
      scratch[j + 1] = scratch[j]!;
      j--;
    }
    scratch[j + 1] = v;
  }
  return medianOfSorted(scratch, n);
}

/** Up to this many values insertion sort beats the native sort's call. */
const INSERTION_SORT_MAX = 64;

/**
 * The median of values already in order (the first `length` of them); for an even count halfway
 * between the middle two, with simple-statistics' arithmetic, so its numbers are theirs.
 */
export function medianOfSorted(sorted: ArrayLike<number>, length = sorted.length): number {
  const middle = length >> 1;
  if (length % 2 === 1) return sorted[middle]!;
  // Halfway without a sum that could overflow for values near the largest double.
  const low = sorted[middle - 1]!;
  return low + (sorted[middle]! - low) / 2;
}

/**
 * The median of |x - center| over sorted x (with center their median: the MAD), without sorting
 * the deviations: they shrink towards the center on its left and grow away from it on its right,
 * so taking the smaller of the two sides' next deviations, outward from the center, lists them
 * in order. O(n) where a sort of the deviations is O(n log n).
 */
export function medianDeviationOfSorted(sorted: ArrayLike<number>, center: number): number {
  const n = sorted.length;
  let right = firstNotBelow(sorted, n, center);
  let left = right - 1;
  const middle = n >> 1;
  let previous = 0;
  let current = 0;
  for (let rank = 0; rank <= middle; rank++) {
    const below = left >= 0 ? Math.abs(sorted[left]! - center) : Number.POSITIVE_INFINITY;
    const above = right < n ? Math.abs(sorted[right]! - center) : Number.POSITIVE_INFINITY;
    previous = current;
    if (below <= above) {
      current = below;
      left--;
    } else {
      current = above;
      right++;
    }
  }
  return n % 2 === 1 ? current : previous + (current - previous) / 2;
}

/** Where `value` goes among `sorted[0..size)`: after every smaller value, before any equal one. */
export function firstNotBelow(sorted: ArrayLike<number>, size: number, value: number): number {
  let low = 0;
  let high = size;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
