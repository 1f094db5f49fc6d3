import type { BenchmarkPage, DashboardVerdict, IndexEntry } from "./page-data.js";

/** Most pressing first: what a reader of the index should see for a benchmark. */
export const VERDICT_ORDER: readonly DashboardVerdict[] = [
  "regression",
  "failed",
  "incomparable",
  "inconclusive",
  "improvement",
  "unchanged",
  "no-baseline",
];

/** The index row of a benchmark: its size, newest run and latest verdicts. */
export function indexEntry(page: BenchmarkPage, pageUrl: string): IndexEntry {
  const verdicts: IndexEntry["verdicts"] = {};
  const regressed: string[] = [];
  let runs = 0;
  let newest: { date: number; commit: string | null } | undefined;
  const names = new Set<string>();
  for (const hardware of page.hardware) {
    runs += hardware.runs.date.length;
    const last = hardware.runs.date.length - 1;
    const date = hardware.runs.date[last];
    if (date !== undefined && (newest === undefined || date > newest.date)) {
      newest = { date, commit: hardware.runs.commit[last] ?? null };
    }
    for (const metric of hardware.metrics) {
      names.add(metric.name);
      const verdict = metric.latest.verdict;
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
      if (verdict === "regression") {
        regressed.push(page.hardware.length > 1 ? `${metric.name} @ ${hardware.slug}` : metric.name);
      }
    }
  }
  const entry: IndexEntry = {
    id: page.benchmarkId,
    page: pageUrl,
    hardwareKeys: page.hardware.length,
    metrics: names.size,
    runs,
    verdicts,
    worst: VERDICT_ORDER.find((v) => (verdicts[v] ?? 0) > 0) ?? "none",
    regressed,
  };
  if (newest !== undefined) {
    entry.lastRun = { date: new Date(newest.date * 1000).toISOString() };
    if (newest.commit !== null) entry.lastRun.commit = newest.commit;
  }
  return entry;
}
