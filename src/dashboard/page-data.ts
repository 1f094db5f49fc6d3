/**
 * The data the dashboard's pages load: plain JSON, shared by the builder (Node) and the
 * browser code in client/. One file per benchmark, so a page loads only its own history.
 */

import type { Verdict } from "../stats/types.js";

/** A comparison's verdict, as the pages show it. */
export type DashboardVerdict = Verdict;

export interface SiteIndex {
  title: string;
  generatedAt: string;
  benchmarks: IndexEntry[];
}

export interface IndexEntry {
  id: string;
  /** Relative URL of the benchmark's page. */
  page: string;
  hardwareKeys: number;
  metrics: number;
  runs: number;
  lastRun?: { date: string; commit?: string };
  /** Latest verdicts, counted over every metric of every hardware key. */
  verdicts: Partial<Record<DashboardVerdict, number>>;
  /** The most pressing latest verdict (regression first); "none" without history. */
  worst: DashboardVerdict | "none";
  /** Metrics whose latest verdict is a regression, as `metric` or `metric @ hardware`. */
  regressed: string[];
}

export interface BenchmarkPage {
  benchmarkId: string;
  generatedAt: string;
  /** `https://github.com/owner/repo`: commits link to `<repositoryUrl>/commit/<sha>`. */
  repositoryUrl?: string;
  /** The gate's thresholds the bands are drawn with. */
  thresholds: { sigma: number; minEffect: number };
  /** Hardware keys, the one with the newest run first. */
  hardware: HardwareHistory[];
}

export interface HardwareHistory {
  slug: string;
  fields: Record<string, string>;
  /** Columns, one entry per run, oldest first. `date` is seconds since the epoch. */
  runs: { date: number[]; commit: (string | null)[]; resultId: string[]; receipt: (string | null)[] };
  metrics: MetricHistoryData[];
}

export interface MetricHistoryData {
  name: string;
  unit: string;
  direction: "higher_is_better" | "lower_is_better" | "unknown";
  /** Each run's mean, aligned with `runs`; null for a run without this metric. */
  values: (number | null)[];
  /** Indices of runs folded as regressions of this metric. */
  regressed: number[];
  /** The gate's no-change zone per stretch between change points: level ± threshold. */
  bands: Array<{ from: number; to: number; level: number; low: number; high: number }>;
  /** Where the level shifted: `index` is the first run of the new level. */
  changePoints: Array<{
    index: number;
    kind: "regression" | "improvement" | "shift";
    relativeChange: number;
  }>;
  /** The newest run judged against the runs before it, as `maat compare` would. */
  latest: { verdict: DashboardVerdict; reason: string; relativeChange?: number };
}

/** Words and a symbol per verdict, so every page reads the same without colour. */
export const VERDICT_LABEL: Readonly<Record<DashboardVerdict | "none", string>> = {
  regression: "▼ regression",
  failed: "✖ failed",
  inconclusive: "? inconclusive",
  improvement: "▲ improvement",
  unchanged: "● unchanged",
  "no-baseline": "○ no baseline yet",
  incomparable: "≠ incomparable",
  none: "○ no runs",
};
