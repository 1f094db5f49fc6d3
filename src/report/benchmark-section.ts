import { comparisonRows } from "../compare/rows.js";
import type { BenchmarkComparison, ComparisonReport } from "../compare/types.js";
import type { MetricComparison, Verdict } from "../stats/types.js";
import { cell, code, count, inline, shortReason, table } from "./markdown-text.js";
import { runFailed } from "./summary-line.js";

/** The parts of one benchmark's section, kept apart so truncation can drop them one by one. */
export interface BenchmarkSection {
  /** Heading, run status, baseline note and the table of every metric that is not unchanged. */
  table: string;
  /** The unchanged metrics, collapsed; absent when there are none. */
  unchanged?: string;
  /** Nothing to see but unchanged metrics: `table` is only the heading. */
  onlyUnchanged: boolean;
  regressions: MetricComparison[];
}

const LABEL: Record<Verdict, string> = {
  regression: "❌ regression",
  incomparable: "❌ incomparable",
  failed: "❌ failed",
  inconclusive: "⚠️ inconclusive",
  "no-baseline": "no baseline",
  improvement: "✅ improvement",
  unchanged: "unchanged",
};

// Most urgent first; the sort is stable, so ties keep the comparison's metric order.
const RANK: Record<Verdict, number> = {
  regression: 0,
  incomparable: 1,
  failed: 1,
  inconclusive: 2,
  "no-baseline": 3,
  improvement: 4,
  unchanged: 5,
};

/** "Detects": the smallest change this baseline and repetition count could call (noise floor). */
const HEADINGS = ["Metric", "Baseline", "This run", "Change", "Verdict", "Detects"];

export function renderBenchmarkSection(
  benchmark: BenchmarkComparison,
  report: ComparisonReport,
): BenchmarkSection {
  const rows = comparisonRows({ benchmarks: [benchmark], totals: report.totals });
  const lines = benchmark.comparisons
    .map((comparison, i) => ({ comparison, row: rows[i]! }))
    .sort((a, b) => RANK[a.comparison.verdict] - RANK[b.comparison.verdict]);
  const toTable = (list: typeof lines) =>
    table([
      HEADINGS,
      ...list.map(({ comparison: c, row }) =>
        [
          metricName(c),
          row.baseline,
          row.candidate,
          row.change || "-",
          describeVerdict(c, benchmark),
          row.detects,
        ].map(cell),
      ),
    ]);
  const changed = lines.filter((l) => l.comparison.verdict !== "unchanged");
  const unchanged = lines.filter((l) => l.comparison.verdict === "unchanged");

  const parts = [heading(benchmark, report), ...notes(benchmark)];
  if (changed.length > 0) parts.push(toTable(changed));
  else if (unchanged.length === 0) parts.push("No metrics to compare.");

  const section: BenchmarkSection = {
    table: parts.join("\n\n"),
    regressions: benchmark.comparisons.filter((c) => c.verdict === "regression"),
    onlyUnchanged: parts.length === 1 && unchanged.length > 0,
  };
  if (unchanged.length > 0) {
    const summary = count(unchanged.length, "unchanged metric");
    section.unchanged = `<details><summary>${summary}</summary>\n\n${toTable(unchanged)}\n\n</details>`;
  }
  return section;
}

/** "### ❌ `id` on `hardware`", naming the result when the same benchmark ran twice on one hardware key. */
function heading(benchmark: BenchmarkComparison, report: ComparisonReport): string {
  const verdicts = new Set(benchmark.comparisons.map((c) => c.verdict));
  const symbol =
    runFailed(benchmark) ||
    verdicts.has("regression") ||
    verdicts.has("failed") ||
    verdicts.has("incomparable")
      ? "❌"
      : verdicts.has("inconclusive") || verdicts.has("no-baseline")
        ? "⚠️"
        : "✅";
  const twins = report.benchmarks.filter(
    (b) => b.benchmarkId === benchmark.benchmarkId && b.hardware.slug === benchmark.hardware.slug,
  );
  const run = twins.length > 1 ? `, run ${code(benchmark.resultId.split("/").pop()!)}` : "";
  return `### ${symbol} ${code(benchmark.benchmarkId)} on ${code(benchmark.hardware.slug)}${run}`;
}

const STATUS: Record<BenchmarkComparison["status"], string> = {
  succeeded: "succeeded",
  failed: "Run failed",
  timed_out: "Run timed out",
  error: "Run could not start or crashed",
};

function notes(benchmark: BenchmarkComparison): string[] {
  const out: string[] = [];
  if (runFailed(benchmark)) {
    const reason = benchmark.statusReason ? `: ${inline(benchmark.statusReason)}` : "";
    out.push(`> **${STATUS[benchmark.status]}**${reason}`);
  }
  if (benchmark.descriptorChanges?.length) {
    out.push(
      `> **Descriptor changed since the baseline:** ${benchmark.descriptorChanges.map((c) => code(c.field)).join(", ")}`,
    );
  }
  if (benchmark.baselineHardware === null) {
    const others = benchmark.alternativeHardware;
    out.push(
      others.length === 0
        ? "No baseline for this benchmark yet; accepted runs on the main branch will start one."
        : `No baseline for this hardware. Baselines exist for: ${others.map(code).join(", ")}.`,
    );
  }
  return out;
}

function metricName(c: MetricComparison): string {
  return c.unit ? `${code(c.metric)} (${inline(c.unit)})` : code(c.metric);
}

/**
 * The verdict, with a short reason where the verdict alone does not say what to do, unless
 * the note above the table already says it (a failed run, a hardware without baseline).
 */
function describeVerdict(c: MetricComparison, benchmark: BenchmarkComparison): string {
  const explain =
    c.verdict === "inconclusive" ||
    c.verdict === "incomparable" ||
    (c.verdict === "no-baseline" && benchmark.baselineHardware !== null) ||
    (c.verdict === "failed" && !runFailed(benchmark));
  const label = LABEL[c.verdict];
  return explain && c.reason !== "" ? `${label}: ${inline(shortReason(c.reason))}` : label;
}
