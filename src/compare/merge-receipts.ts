import { MaatError } from "../errors.js";
import type { MetricSummary, RepetitionResult, ResultReceipt } from "../results/receipt-types.js";
import { summarize } from "../stats/summary.js";

/**
 * One receipt holding the repetitions of a first run and its confirmation re-runs of the
 * same benchmark, with metric summaries recomputed over all of them. The merged receipt
 * keeps the first one's result id, source and host.
 *
 * @example const confirmed = mergeReceipts(first, [rerun]); compareReceipts([confirmed], store)
 */
export function mergeReceipts(first: ResultReceipt, more: readonly ResultReceipt[]): ResultReceipt {
  for (const other of more) {
    if (other.benchmark.id !== first.benchmark.id) {
      throw new MaatError(
        `cannot merge result ${other.resultId} of ${other.benchmark.id} into ${first.resultId}`,
        {
          hint: "Only repetitions of the same benchmark can be merged.",
        },
      );
    }
  }
  const all = [first, ...more];
  const repetitions: RepetitionResult[] = [];
  const counters = { warmup: 0, measured: 0 };
  const metrics: Record<string, MetricSummary> = {};
  for (const receipt of all) {
    const offset = counters.measured;
    for (const repetition of receipt.repetitions) {
      const index = repetition.warmup ? ++counters.warmup : ++counters.measured;
      repetitions.push({ ...repetition, index });
    }
    for (const [name, summary] of Object.entries(receipt.metrics)) {
      const previous = metrics[name];
      const problems = summary.problems.map((p) => ({ ...p, repetition: p.repetition + offset }));
      metrics[name] = {
        ...summary,
        values: [...(previous?.values ?? []), ...summary.values],
        problems: [...(previous?.problems ?? []), ...problems],
      };
    }
  }
  for (const [name, summary] of Object.entries(metrics)) metrics[name] = resummarize(summary);
  const failed = all.find((r) => r.status !== "succeeded");
  const last = all.reduce((a, b) => (b.endedAt > a.endedAt ? b : a));
  return {
    ...first,
    settings: { ...first.settings, repetitions: counters.measured },
    stopReason: `${first.stopReason}; merged with ${more.length} confirmation run(s)`,
    endedAt: last.endedAt,
    durationMs: all.reduce((sum, r) => sum + r.durationMs, 0),
    status: failed?.status ?? "succeeded",
    ...(failed?.reason === undefined ? {} : { reason: failed.reason }),
    repetitions,
    metrics,
  };
}

function resummarize(summary: MetricSummary): MetricSummary {
  const finite = summary.values.filter(Number.isFinite);
  if (finite.length === 0) {
    return { ...summary, values: finite, n: 0, mean: null, median: null, stddev: null, min: null, max: null };
  }
  const { n, mean, median, stddev, min, max } = summarize(finite);
  return { ...summary, values: finite, n, mean, median, stddev, min, max };
}
