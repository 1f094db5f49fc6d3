/**
 * Binary segmentation of a piecewise-constant mean: split a segment where the split removes the
 * most squared error, keep it when that exceeds `penalty`, and recurse on both parts. O(n log n)
 * with prefix sums. Returns split indices (the first point of each new segment), sorted.
 */
export function binarySegmentation(values: readonly number[], penalty: number, minSegment: number): number[] {
  const n = values.length;
  const sums = new Float64Array(n + 1);
  const squares = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    sums[i + 1] = sums[i]! + values[i]!;
    squares[i + 1] = squares[i]! + values[i]! * values[i]!;
  }
  const cost = (from: number, to: number) => {
    const s = sums[to]! - sums[from]!;
    return squares[to]! - squares[from]! - (s * s) / (to - from);
  };
  const splits: number[] = [];
  const stack: [number, number][] = [[0, n]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    if (to - from < 2 * minSegment) continue;
    const whole = cost(from, to);
    let best = -1;
    let bestGain = 0;
    for (let t = from + minSegment; t <= to - minSegment; t++) {
      const gain = whole - cost(from, t) - cost(t, to);
      if (gain > bestGain) {
        bestGain = gain;
        best = t;
      }
    }
    if (best < 0 || bestGain <= penalty) continue;
    splits.push(best);
    stack.push([from, best], [best, to]);
  }
  return splits.sort((a, b) => a - b);
}
