import { metricHistories } from "../baselines/metric-histories.js";
import type { Baseline } from "../baselines/types.js";
import type { Thresholds } from "../descriptor/types.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import type { MetricComparisonInput } from "../stats/types.js";

/**
 * The comparison inputs of one receipt: every declared metric (then any undeclared one
 * the receipt measured), direction and thresholds from the descriptor, history from the
 * matching baseline (empty when there is none), and the failure when there is no candidate.
 */
export function metricInputs(
  receipt: ResultReceipt,
  baseline: Baseline | undefined,
  overrides: Thresholds = {},
): MetricComparisonInput[] {
  const definitions = receipt.descriptor.output.metrics;
  const names = [...new Set([...definitions.map((d) => d.name), ...Object.keys(receipt.metrics)])];
  const definitionOf = new Map<string, (typeof definitions)[number]>();
  for (const d of definitions) if (!definitionOf.has(d.name)) definitionOf.set(d.name, d);
  const histories = baseline === undefined ? undefined : metricHistories(baseline);
  return names.map((name) => {
    const definition = definitionOf.get(name);
    const measured = receipt.metrics[name];
    const failure = candidateFailure(receipt, name);
    return {
      benchmarkId: receipt.benchmark.id,
      metric: name,
      unit: measured?.unit ?? definition?.units ?? "",
      // What the baseline recorded wins: a pull request flipping `direction` must not flip its verdict.
      direction:
        (baseline?.metrics[name]?.direction !== undefined && baseline.metrics[name].direction !== "unknown"
          ? baseline.metrics[name].direction
          : undefined) ??
        definition?.direction ??
        measured?.direction ??
        "unknown",
      thresholds: mergeThresholds([
        receipt.descriptor.run.thresholds,
        definition?.thresholds ?? {},
        overrides,
      ]),
      history: histories?.get(name)?.runs ?? [],
      candidate: measured?.values.filter(Number.isFinite) ?? [],
      ...(failure === undefined ? {} : { candidateFailure: failure }),
    };
  });
}

/** Why this receipt has no trustworthy sample of `metric`; undefined when it has one. */
export function candidateFailure(receipt: ResultReceipt, metric: string): string | undefined {
  if (receipt.status !== "succeeded") {
    const status = receipt.status.replace("_", " ");
    return receipt.reason ? `the run ${status}: ${receipt.reason}` : `the run ${status}`;
  }
  const measured = receipt.metrics[metric];
  if (measured === undefined) return `${metric} was not measured`;
  if (measured.problems.length > 0) {
    const list = measured.problems.map((p) => `${p.problem.replace("_", "-")} in repetition ${p.repetition}`);
    return `${metric} has problems: ${list.join(", ")}`;
  }
  if (measured.values.length === 0) return `${metric} has no values`;
  return undefined;
}

/** Later sources win (benchmark, then metric, then command line); unset fields are left for the policy. */
function mergeThresholds(sources: Thresholds[]): Thresholds {
  const merged: Thresholds = {};
  for (const source of sources) {
    if (source.sigma !== undefined) merged.sigma = source.sigma;
    if (source.minEffect !== undefined) merged.minEffect = source.minEffect;
  }
  return merged;
}
