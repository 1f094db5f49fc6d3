import { descriptorFields, meaningChanges } from "../compare/descriptor-changes.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import { summarize } from "../stats/summary.js";
import { BaselineError } from "./errors.js";
import { hardwareKey } from "./hardware-key.js";
import { metricHistory } from "./reset.js";
import { BASELINE_SCHEMA_VERSION, type Baseline, type BaselineMetricRun, type HardwareKey } from "./types.js";

export interface FoldOptions {
  /** History length; older runs roll off. Default 100. */
  maxRuns?: number;
  /** Raw repetition values kept per run and metric (the summary covers all). Default 50. */
  maxValues?: number;
  /** Per result id, the metrics that regressed against the baseline (see `flagRegressions`). */
  regressions?: ReadonlyMap<string, readonly string[]>;
  /** Fold receipts measured on a checkout with uncommitted changes (refused by default). */
  allowDirty?: boolean;
}

export const DEFAULT_MAX_RUNS = 100;
export const DEFAULT_MAX_VALUES = 50;

export interface FoldOutcome {
  baseline: Baseline;
  /** True when the receipt became a run of the history (and survived the cap). */
  added: boolean;
  /** Why the receipt was not folded (a failed run, no usable metric); absent otherwise. */
  refused?: string;
  /** Metrics of the receipt left out of the run, with why. */
  skippedMetrics: Array<{ metric: string; reason: string }>;
  /** Result ids that rolled off the front of the history. */
  rolledOff: string[];
}

/** An empty baseline for the receipt's benchmark and hardware key. */
export function emptyBaseline(benchmarkId: string, hardware: HardwareKey): Baseline {
  return { schemaVersion: BASELINE_SCHEMA_VERSION, benchmarkId, hardware, metrics: {}, resets: [], runs: [] };
}

/** Why a receipt may not join a baseline, or undefined when it may. */
export function refusalReason(receipt: ResultReceipt, options: FoldOptions = {}): string | undefined {
  if (receipt.status === "succeeded") {
    // A dirty checkout measured code no commit holds: it must not become the level to beat.
    if (receipt.source.dirty === true && options.allowDirty !== true) {
      return `result ${receipt.resultId} was measured on a checkout with uncommitted changes (${receipt.source.commit?.slice(0, 12) ?? "no commit"} plus edits); commit them and run again, or pass --allow-dirty`;
    }
    return undefined;
  }
  const why = receipt.reason ? `: ${receipt.reason}` : "";
  return `result ${receipt.resultId} ${receipt.status.replace("_", " ")}${why}; only succeeded runs join a baseline`;
}

/**
 * Folds one succeeded receipt into a baseline (pure). Idempotent by result id; runs stay
 * ordered by date, oldest first, and the oldest roll off past `maxRuns`. A metric joins
 * the run only when every measured repetition produced it: a partial sample is no level.
 */
export function foldIntoBaseline(
  baseline: Baseline,
  receipt: ResultReceipt,
  options: FoldOptions = {},
): FoldOutcome {
  const maxRuns = options.maxRuns ?? DEFAULT_MAX_RUNS;
  const maxValues = options.maxValues ?? DEFAULT_MAX_VALUES;
  checkBelongs(baseline, receipt);
  const unchanged = (refused?: string, skippedMetrics: FoldOutcome["skippedMetrics"] = []): FoldOutcome => {
    const capped = capRuns(baseline, maxRuns);
    return { ...capped, added: false, skippedMetrics, ...(refused === undefined ? {} : { refused }) };
  };
  const refused = refusalReason(receipt, options);
  if (refused !== undefined) return unchanged(refused);
  if (baseline.runs.some((run) => run.resultId === receipt.resultId)) return unchanged();

  const metrics: Record<string, BaselineMetricRun> = {};
  const skippedMetrics: FoldOutcome["skippedMetrics"] = [];
  const units = { ...baseline.metrics };
  const definitions = [
    ...receipt.descriptor.output.metrics,
    ...(receipt.descriptor.server?.output.metrics ?? []),
  ];
  for (const [name, summary] of Object.entries(receipt.metrics)) {
    const values = summary.values.filter(Number.isFinite);
    if (summary.problems.length > 0 || values.length === 0) {
      const what = summary.problems.map((p) => `${p.problem} in repetition ${p.repetition}`).join(", ");
      skippedMetrics.push({ metric: name, reason: what || "no values" });
      continue;
    }
    const definition = definitions.find((d) => d.name === name);
    const meaning =
      definition === undefined
        ? { unit: summary.unit, direction: summary.direction }
        : { unit: definition.units, direction: definition.direction, aggregate: definition.aggregate };
    // A metric whose meaning changed never joins the old history: it waits for an accepted reset.
    const recorded = baseline.metrics[name];
    const changed = recorded === undefined ? [] : meaningChanges(recorded, meaning);
    if (changed.length > 0 && metricHistory(baseline, name, { includeRegressed: true }).runs.length > 0) {
      const what = changed.map((c) => `${c.field} ${c.before} → ${c.after}`).join(", ");
      skippedMetrics.push({
        metric: name,
        reason: `its meaning changed since the baseline (${what}); accept it with 'maat baseline accept ${baseline.benchmarkId} --metric ${name} --from-commit SHA --reason ...'`,
      });
      continue;
    }
    metrics[name] = { summary: summarize(values), values: values.slice(0, maxValues) };
    units[name] = meaning;
  }
  if (Object.keys(metrics).length === 0) {
    return unchanged(
      `result ${receipt.resultId} has no metric with values from every repetition`,
      skippedMetrics,
    );
  }
  const regressed = (options.regressions?.get(receipt.resultId) ?? []).filter((m) => m in metrics).sort();
  const run = {
    resultId: receipt.resultId,
    ...(receipt.source.commit === undefined ? {} : { commit: receipt.source.commit }),
    date: receipt.startedAt,
    metrics,
    ...(regressed.length === 0 ? {} : { regressed }),
  };
  // Stable insertion by date: a late fold of an older receipt lands where it belongs.
  const at = baseline.runs.findIndex((r) => r.date > run.date);
  const runs =
    at === -1 ? [...baseline.runs, run] : [...baseline.runs.slice(0, at), run, ...baseline.runs.slice(at)];
  // The newest run's descriptor is the one later comparisons report changes against.
  const newest = runs.at(-1) === run;
  const descriptor = newest
    ? { contentHash: receipt.descriptor.contentHash, fields: descriptorFields(receipt.descriptor) }
    : baseline.descriptor;
  const capped = capRuns(
    { ...baseline, metrics: units, ...(descriptor === undefined ? {} : { descriptor }), runs },
    maxRuns,
  );
  const added = capped.baseline.runs.includes(run);
  return { ...capped, added, skippedMetrics };
}

function capRuns(baseline: Baseline, maxRuns: number): Pick<FoldOutcome, "baseline" | "rolledOff"> {
  const excess = Math.max(0, baseline.runs.length - Math.max(1, maxRuns));
  if (excess === 0) return { baseline, rolledOff: [] };
  return {
    baseline: { ...baseline, runs: baseline.runs.slice(excess) },
    rolledOff: baseline.runs.slice(0, excess).map((r) => r.resultId),
  };
}

function checkBelongs(baseline: Baseline, receipt: ResultReceipt): void {
  const key = hardwareKey(receipt);
  if (receipt.benchmark.id !== baseline.benchmarkId || key.slug !== baseline.hardware.slug) {
    throw new BaselineError(
      `result ${receipt.resultId} (${receipt.benchmark.id} on ${key.slug}) does not belong in the baseline of ` +
        `${baseline.benchmarkId} on ${baseline.hardware.slug}`,
    );
  }
}
