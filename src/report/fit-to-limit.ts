/** A piece of the report that is kept whole or dropped whole, so no table, details or code block is ever cut. */
export interface ReportBlock {
  /** `fixed` blocks are always kept; the others are dropped in `DROP_ORDER`, trailing ones first. */
  kind: "fixed" | "receipts" | "unchanged" | "chart" | "benchmark";
  text: string;
  /** For `benchmark` blocks: how many regressions its table shows. */
  regressions?: number;
  /** For `unchanged` blocks: the whole section of a benchmark with nothing but unchanged metrics. */
  wholeBenchmark?: boolean;
}

/** What truncation left out, for the note that replaces it. */
export interface LeftOut {
  receipts: boolean;
  /** Benchmarks whose unchanged metrics were left out. */
  unchanged: number;
  /** Benchmarks left out entirely because all their metrics were unchanged. */
  unchangedBenchmarks: number;
  charts: number;
  benchmarks: number;
  regressions: number;
}

const DROP_ORDER = ["receipts", "unchanged", "chart", "benchmark"] as const;
const SEPARATOR = "\n\n";

/**
 * Joins the blocks, dropping the least useful ones until the text (in UTF-8 bytes) fits
 * `limit` together with the note `describeLeftOut` writes about what went.
 */
export function fitToLimit(
  blocks: readonly ReportBlock[],
  limit: number,
  describeLeftOut: (leftOut: LeftOut) => string,
): { markdown: string; truncated: boolean } {
  const sizes = blocks.map((b) => Buffer.byteLength(b.text) + SEPARATOR.length);
  // n blocks take n - 1 separators and a final newline.
  let total = sizes.reduce((a, b) => a + b, 0) - 1;
  if (total <= limit) return { markdown: join(blocks), truncated: false };

  const kept = blocks.map(() => true);
  const leftOut: LeftOut = {
    receipts: false,
    unchanged: 0,
    unchangedBenchmarks: 0,
    charts: 0,
    benchmarks: 0,
    regressions: 0,
  };
  const fits = () => total + Buffer.byteLength(describeLeftOut(leftOut)) + SEPARATOR.length <= limit;
  for (const kind of DROP_ORDER) {
    for (let i = blocks.length - 1; i >= 0 && !fits(); i--) {
      const block = blocks[i]!;
      if (block.kind !== kind) continue;
      kept[i] = false;
      total -= sizes[i]!;
      if (kind === "receipts") leftOut.receipts = true;
      else if (kind === "unchanged" && block.wholeBenchmark) leftOut.unchangedBenchmarks += 1;
      else if (kind === "unchanged") leftOut.unchanged += 1;
      else if (kind === "chart") leftOut.charts += 1;
      else {
        leftOut.benchmarks += 1;
        leftOut.regressions += block.regressions ?? 0;
      }
    }
  }
  const rest = blocks.filter((_, i) => kept[i]);
  return { markdown: join([...rest, { kind: "fixed", text: describeLeftOut(leftOut) }]), truncated: true };
}

function join(blocks: readonly ReportBlock[]): string {
  return `${blocks.map((b) => b.text).join(SEPARATOR)}\n`;
}
