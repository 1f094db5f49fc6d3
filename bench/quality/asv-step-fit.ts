// A re-implementation of airspeed velocity's step detection (asv/step_detect.py, BSD-3), written
// from its documented algorithm for comparison in `npm run bench:quality`; not used by Maat.
//   - an L1 Potts fit: argmin gamma·k + Σ |y - median(segment)|, solved exactly with segments of
//     at most 20 points, then neighbouring segments merged while that lowers the cost, and
//     boundaries shifted where that lowers it (Friedrich et al. 2008, asv's approximation);
//   - gamma chosen by a golden-section search minimizing the Schwarz-type criterion
//     beta·k + ln(sigma0 + Σ|e_i - rho·e_(i-1)|), beta = 4 ln n / n, with the AR(1) coefficient
//     rho fitted for each candidate (asv's model of autocorrelated noise).

/** One segment: [left, right) with its median and L1 error per point. */
export interface Step {
  left: number;
  right: number;
  value: number;
  min: number;
  error: number;
}

class L1Costs {
  private readonly memo = new Map<number, [number, number]>();
  constructor(private readonly y: readonly number[]) {}
  /** [median, Σ|y - median|] of y[l..r] inclusive. */
  of(l: number, r: number): [number, number] {
    const key = l * (this.y.length + 1) + r;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const slice = this.y.slice(l, r + 1).sort((a, b) => a - b);
    const k = slice.length >> 1;
    const median = slice.length % 2 === 0 ? (slice[k]! + slice[k - 1]!) / 2 : slice[k]!;
    let dist = 0;
    for (const v of slice) dist += Math.abs(v - median);
    const value: [number, number] = [median, dist];
    if (this.memo.size > 2_000_000) this.memo.clear();
    this.memo.set(key, value);
    return value;
  }
  dist(l: number, r: number): number {
    return this.of(l, r)[1];
  }
}

const MAX_SIZE = 20;

/** Exclusive right bounds of the segments of an approximate L1 Potts fit. */
function pottsApprox(y: readonly number[], gamma: number, costs: L1Costs): number[] {
  const n = y.length;
  const best = new Float64Array(n + 1);
  const previous = new Int32Array(n);
  best[0] = -gamma;
  for (let r = 0; r < n; r++) {
    best[r + 1] = Number.POSITIVE_INFINITY;
    for (let l = Math.max(r + 1 - MAX_SIZE, 0); l <= r; l++) {
      const cost = best[l]! + gamma + costs.dist(l, r);
      if (cost <= best[r + 1]!) {
        best[r + 1] = cost;
        previous[r] = l;
      }
    }
  }
  const rights: number[] = [];
  for (let r = n - 1; r >= 0; r = previous[r]! - 1) rights.push(r + 1);
  rights.reverse();
  return mergePieces(rights, gamma, costs);
}

function mergePieces(input: number[], gamma: number, costs: L1Costs): number[] {
  const rights = [...input];
  for (;;) {
    let minChange = 0;
    let minJ = rights.length;
    let l = 0;
    for (let j = 1; j < rights.length; j++) {
      if (minJ < j - 2) break;
      const change =
        costs.dist(l, rights[j]! - 1) -
        (costs.dist(l, rights[j - 1]! - 1) + costs.dist(rights[j - 1]!, rights[j]! - 1) + gamma);
      if (change <= minChange) {
        minChange = change;
        minJ = j - 1;
      }
      l = rights[j - 1]!;
    }
    if (minJ < rights.length) rights.splice(minJ, 1);
    else break;
  }
  let l = 0;
  for (let j = 1; j < rights.length; j++) {
    let score = costs.dist(l, rights[j - 1]! - 1) + costs.dist(rights[j - 1]!, rights[j]! - 1);
    let offset = 0;
    for (let off = -MAX_SIZE; off <= MAX_SIZE; off++) {
      const at = rights[j - 1]! + off;
      if (off === 0 || at - 1 < l || at > rights[j]! - 1) continue;
      const candidate = costs.dist(l, at - 1) + costs.dist(at, rights[j]! - 1);
      if (candidate < score) {
        offset = off;
        score = candidate;
      }
    }
    rights[j - 1]! += offset;
    l = rights[j - 1]!;
  }
  return rights;
}

/** Golden-section minimization on [a, b], widening the bracket while the minimum sits on an edge. */
function goldenSearch(f: (x: number) => number, a0: number, b0: number, xatol: number): number {
  let a = a0;
  let b = b0;
  for (let i = 0; i < 20; i++) {
    const fa = f(a);
    const fb = f(b);
    const fm = f((a + b) / 2);
    if (fm <= fa && fm <= fb) break;
    const width = b - a;
    if (fa < fb) a -= width;
    else b += width;
  }
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (Math.abs(b - a) > xatol) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** asv's step fit: the segments of the series. */
export function asvSteps(y: readonly number[]): Step[] {
  const n = y.length;
  if (n === 0) return [];
  const costs = new L1Costs(y);
  const beta = (4 * Math.log(n)) / n;
  const gamma0 = costs.dist(0, n - 1) || 1;
  let bestObjective = Number.POSITIVE_INFINITY;
  let bestRights: number[] = [n];
  const objective = (x: number) => {
    const rights = pottsApprox(y, gamma0 * Math.exp(x), costs);
    const values = segmentsOf(rights).map(([l, r]) => costs.of(l, r - 1)[0]);
    const sigmaStar = (rho: number) => {
      let previousError = y[0]! - values[0]!;
      let sum = Math.abs(previousError);
      let l = 1;
      rights.forEach((r, j) => {
        for (let i = l; i < r; i++) {
          const error = y[i]! - values[j]!;
          sum += Math.abs(error - rho * previousError);
          previousError = error;
        }
        l = r;
      });
      return sum;
    };
    const rho = goldenSearch(sigmaStar, -1, 1, 0.05);
    let sigma0: number;
    if (values.length > 2) {
      sigma0 = 0.1 * Math.min(...values.slice(1).map((v, j) => Math.abs(v - values[j]!)));
    } else sigma0 = 0.001 * Math.min(...values.map(Math.abs));
    const value = beta * rights.length + Math.log(Math.max(1e-300, sigma0) + sigmaStar(rho));
    if (value < bestObjective) {
      bestObjective = value;
      bestRights = rights;
    }
    return value;
  };
  const a = Math.log(0.1 / n);
  goldenSearch(objective, a, 0, Math.abs(a) * 0.1);
  return segmentsOf(bestRights).map(([l, r]) => {
    const [value, dist] = costs.of(l, r - 1);
    return { left: l, right: r, value, min: Math.min(...y.slice(l, r)), error: dist / (r - l) };
  });
}

function segmentsOf(rights: readonly number[]): [number, number][] {
  let left = 0;
  return rights.map((right) => {
    const segment: [number, number] = [left, right];
    left = right;
    return segment;
  });
}

/** Change points of asv's step fit: the first index of every segment after the first. */
export function asvStepFit(y: readonly number[]): number[] {
  return asvSteps(y)
    .slice(1)
    .map((s) => s.left);
}
