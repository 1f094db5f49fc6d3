import { fastMedian, firstNotBelow, medianOfSorted } from "../fast-median.js";

/** Half-width of the centred running median: a step moves it at once, a spike of 1-3 points never does. */
const HALF_WINDOW = 5;

export interface Despiked {
  /** The series with isolated spikes replaced by their running median. */
  values: number[];
  /** Indices replaced. */
  spikes: number[];
}

/** The longest run of deviant points that is still a spike. */
const LONGEST_SPIKE = 2;

/**
 * Isolated spikes (a run on a busy machine, a one-off hiccup) are not level changes: runs of at
 * most 2 points more than `limit` · scale from the centred running median of 11 points, with
 * ordinary points after them, are replaced by that median. A step shifts the median exactly
 * at the step, so the points around a real change are kept; deviant points at the end of the
 * series may be the start of a new level and are kept too.
 */
export function despike(values: readonly number[], scale: number, limit: number): Despiked {
  const smooth = runningMedian(values, HALF_WINDOW);
  const out = [...values];
  const spikes: number[] = [];
  if (!(scale > 0)) return { values: out, spikes };
  const deviant = values.map((v, i) => Math.abs(v - smooth[i]!) > limit * scale);
  for (let i = 0; i < values.length; ) {
    if (!deviant[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < values.length && deviant[end]) end++;
    if (end < values.length && end - i <= LONGEST_SPIKE) {
      for (let j = i; j < end; j++) {
        out[j] = smooth[j]!;
        spikes.push(j);
      }
    }
    i = end;
  }
  return { values: out, spikes };
}

/**
 * Centred running median, the window shrinking at the ends. The window is kept in order as it
 * slides, one value leaving and one entering per point (binary search, then a shift): detection
 * and the dashboard run it over every history, with windows of 11 and 31 points.
 */
export function runningMedian(values: readonly number[], halfWindow: number): number[] {
  const n = values.length;
  // A NaN has no place in an ordered window; such a series gets each window's median afresh.
  if (!values.every(Number.isFinite)) {
    return values.map((_, i) =>
      fastMedian(values, Math.max(0, i - halfWindow), Math.min(n, i + halfWindow + 1)),
    );
  }
  const smooth = new Array<number>(n);
  const window = new Float64Array(2 * halfWindow + 1);
  let size = 0;
  let entered = 0;
  let left = 0;
  for (let i = 0; i < n; i++) {
    for (const from = Math.max(0, i - halfWindow); left < from; left++) {
      size = removeInOrder(window, size, values[left]!);
    }
    for (const to = Math.min(n, i + halfWindow + 1); entered < to; entered++) {
      size = insertInOrder(window, size, values[entered]!);
    }
    smooth[i] = medianOfSorted(window, size);
  }
  return smooth;
}

function insertInOrder(sorted: Float64Array, size: number, value: number): number {
  const at = firstNotBelow(sorted, size, value);
  sorted.copyWithin(at + 1, at, size);
  sorted[at] = value;
  return size + 1;
}

function removeInOrder(sorted: Float64Array, size: number, value: number): number {
  const at = firstNotBelow(sorted, size, value);
  sorted.copyWithin(at, at + 1, size);
  return size - 1;
}
