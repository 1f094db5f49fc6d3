/** One line of the `npm run bench` table: a measurement next to a reference taken in the same run. */
export interface BenchRow {
  suite: string;
  case: string;
  /** The measured value, e.g. "412 MB/s" or "0.42 s". */
  value: string;
  /** The reference it is compared with (another tool, or the target), e.g. "grep -E -o: 380 MB/s". */
  reference: string;
  /** value relative to reference, as the suite defines it (time ratio, say); null when not meaningful. */
  ratio: number | null;
  /** The target, e.g. "<= 1.5x", and whether it was met. */
  target: string;
  met: boolean | null;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}
