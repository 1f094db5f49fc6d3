import { regularizedIncompleteBeta } from "./distributions.js";
import { createRandom, deriveSeed } from "./rng.js";

/** What the bootstrap of a relative change needs to know about one metric. */
export interface RelativeChangeSample {
  /** The candidate's repetitions. */
  candidate: readonly number[];
  /** Run means of the baseline window, sorted ascending. */
  sortedRunMeans: readonly number[];
  /** Standard deviation of the candidate run's own offset (between-run drift; whole run-level noise for one value). */
  runEffectSd: number;
}

/** Above this many repetitions the candidate mean is drawn from its normal limit (cheaper, same answer). */
const MAX_RESAMPLED_REPETITIONS = 64;

/**
 * Percentile bootstrap interval of (candidate mean - baseline median) / |baseline median|.
 * The baseline median is drawn from its exact bootstrap distribution (a binomial over order
 * statistics, Efron 1979), the candidate by resampling its repetitions, plus a normal draw
 * for the run's own offset. Uniform draws come from tables fixed by the seed and shared by
 * every metric, so a metric's interval depends only on its data and the seed, and 10,000
 * metrics cost 10,000 passes over the tables instead of 10,000 random streams.
 */
export function bootstrapRelativeChange(
  sample: RelativeChangeSample,
  options: { resamples: number; confidence: number; seed: number },
): [number, number] {
  const { candidate, sortedRunMeans, runEffectSd } = sample;
  const resamples = options.resamples;
  const tables = drawTables(options.seed, resamples);
  const median = tables.medianIndices(sortedRunMeans.length);
  const changes = scratch(resamples);
  const n = candidate.length;
  const resampleReps = n >= 2 && n <= MAX_RESAMPLED_REPETITIONS;
  const picks = resampleReps ? tables.repetitionIndices(n) : undefined;
  const normals = tables.normals;
  let candidateMean = 0;
  for (const v of candidate) candidateMean += v;
  candidateMean /= n;
  // Beyond 64 repetitions the mean's own noise is drawn from its normal limit instead.
  let offsetSd = runEffectSd;
  if (!resampleReps && n >= 2) {
    let squares = 0;
    for (const v of candidate) squares += (v - candidateMean) ** 2;
    offsetSd = Math.sqrt(runEffectSd * runEffectSd + squares / (n - 1) / n);
  }
  for (let r = 0; r < resamples; r++) {
    let c = candidateMean;
    if (picks !== undefined) {
      c = 0;
      const row = r * n;
      for (let j = 0; j < n; j++) c += candidate[picks[row + j]!]!;
      c /= n;
    }
    c += normals[r]! * offsetSd;
    const level = (sortedRunMeans[median.lower[r]!]! + sortedRunMeans[median.upper[r]!]!) / 2;
    changes[r] = (c - level) / Math.abs(level);
  }
  const alpha = 1 - options.confidence;
  const lowIndex = Math.max(0, Math.floor((alpha / 2) * resamples));
  const highIndex = Math.min(resamples - 1, Math.ceil((1 - alpha / 2) * resamples) - 1);
  if (lowIndex < resamples / 8 && highIndex > (resamples * 7) / 8) {
    return [smallest(changes, lowIndex + 1, 1), -smallest(changes, resamples - highIndex, -1)];
  }
  selectKth(changes, lowIndex, 0, resamples - 1);
  selectKth(changes, highIndex, lowIndex, resamples - 1);
  return [changes[lowIndex]!, changes[highIndex]!];
}

let scratchBuffer = new Float64Array(0);

/** One reusable buffer for the resampled changes: 10,000 metrics should not mean 10,000 allocations. */
function scratch(size: number): Float64Array {
  if (scratchBuffer.length !== size) scratchBuffer = new Float64Array(size);
  return scratchBuffer;
}

/** P(bootstrap median <= x_(j)) for the lower and upper middle order statistics of k values. */
function bootstrapMedianCdf(k: number): { lower: Float64Array; upper: Float64Array } {
  const tail = (rank: number) => {
    const cdf = new Float64Array(k);
    // P(at least `rank` of k draws fall at or below x_(j)) = P(Binomial(k, j/k) >= rank) = I_{j/k}(rank, k-rank+1).
    for (let j = 1; j <= k; j++)
      cdf[j - 1] = j === k ? 1 : regularizedIncompleteBeta(j / k, rank, k - rank + 1);
    return cdf;
  };
  return { lower: tail(Math.floor((k + 1) / 2)), upper: tail(Math.floor(k / 2) + 1) };
}

function searchCdf(cdf: Float64Array, u: number): number {
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cdf[mid]! >= u) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Draws fixed by (seed, resamples), turned into indices once per sample size: which order
 * statistics the bootstrap median takes for k runs, which repetitions a resample of n picks.
 */
interface DrawTables {
  medianIndices(k: number): { lower: Int32Array; upper: Int32Array };
  repetitionIndices(n: number): Int32Array;
  normals: Float64Array;
}

const tableCache = new Map<string, DrawTables>();

function drawTables(seed: number, resamples: number): DrawTables {
  const key = `${seed}:${resamples}`;
  const cached = tableCache.get(key);
  if (cached) return cached;
  const uniforms = (stream: number, count: number) => {
    const random = createRandom(deriveSeed(seed, stream));
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) values[i] = random.uniform();
    return values;
  };
  const normalRandom = createRandom(deriveSeed(seed, -1));
  const normals = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) normals[r] = normalRandom.normal();
  const medianColumn = uniforms(0, resamples);
  const medians = new Map<number, { lower: Int32Array; upper: Int32Array }>();
  const repetitions = new Map<number, Int32Array>();
  const tables: DrawTables = {
    normals,
    medianIndices(k) {
      let entry = medians.get(k);
      if (!entry) {
        const cdf = bootstrapMedianCdf(k);
        entry = { lower: new Int32Array(resamples), upper: new Int32Array(resamples) };
        for (let r = 0; r < resamples; r++) {
          entry.lower[r] = searchCdf(cdf.lower, medianColumn[r]!);
          entry.upper[r] = searchCdf(cdf.upper, medianColumn[r]!);
        }
        medians.set(k, entry);
      }
      return entry;
    },
    repetitionIndices(n) {
      let entry = repetitions.get(n);
      if (!entry) {
        const draws = uniforms(n, n * resamples);
        entry = new Int32Array(n * resamples);
        for (let i = 0; i < entry.length; i++) entry[i] = Math.floor(draws[i]! * n);
        repetitions.set(n, entry);
      }
      return entry;
    },
  };
  if (tableCache.size > 8) tableCache.clear();
  tableCache.set(key, tables);
  return tables;
}

/**
 * The rank-th smallest of sign · values, with a bounded max-heap: one pass where most values
 * fail a single comparison with the heap's top. Cheaper than quickselect for the tail ranks
 * (50 of 2,000) a confidence interval needs.
 */
function smallest(values: Float64Array, rank: number, sign: 1 | -1): number {
  const heap = new Float64Array(rank);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = sign * values[i]!;
    if (size < rank) {
      let child = size++;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (heap[parent]! >= v) break;
        heap[child] = heap[parent]!;
        child = parent;
      }
      heap[child] = v;
    } else if (v < heap[0]!) {
      let parent = 0;
      for (;;) {
        let child = 2 * parent + 1;
        if (child >= rank) break;
        if (child + 1 < rank && heap[child + 1]! > heap[child]!) child++;
        if (heap[child]! <= v) break;
        heap[parent] = heap[child]!;
        parent = child;
      }
      heap[parent] = v;
    }
  }
  return heap[0]!;
}

/** Hoare's quickselect: afterwards values[k] is the k-th smallest of values[low..high]. */
function selectKth(values: Float64Array, k: number, low: number, high: number): void {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
