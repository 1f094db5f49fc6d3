import { metricHistory } from "../baselines/reset.js";
import type { Baseline, HardwareKey } from "../baselines/types.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import type { MetricComparison } from "../stats/types.js";
import {
  type DescriptorChange,
  describeDescriptorChanges,
  descriptorFields,
  diffDescriptorFields,
  meaningChanges,
  metricMeaning,
} from "./descriptor-changes.js";

/** Hardware key fields a descriptor decides; a change to them alone is a descriptor change, not new hardware. */
const DESCRIPTOR_KEY_FIELDS = new Set(["framework", "instanceType"]);

/**
 * The baseline a receipt's hardware key would have had but for a descriptor edit: same machine,
 * only the framework (version) or instance type changed. A pull request cannot escape its
 * baseline by bumping `framework_version`.
 */
export function siblingBaseline(
  hardware: HardwareKey,
  candidates: readonly Baseline[],
): Baseline | undefined {
  const machine = (fields: Record<string, string>) =>
    JSON.stringify(
      Object.entries(fields)
        .filter(([k]) => !DESCRIPTOR_KEY_FIELDS.has(k))
        .sort(),
    );
  return candidates.find((b) => machine(b.hardware.fields) === machine(hardware.fields));
}

/** What the receipt's descriptor changed against the one the baseline's newest run came from. */
export function descriptorChangesSince(baseline: Baseline, receipt: ResultReceipt): DescriptorChange[] {
  if (
    baseline.descriptor === undefined ||
    baseline.descriptor.contentHash === receipt.descriptor.contentHash
  ) {
    return [];
  }
  return diffDescriptorFields(baseline.descriptor.fields, descriptorFields(receipt.descriptor));
}

/** Whether the metric has runs the comparison would use (after its latest reset, regressed ones included). */
export function hasHistory(baseline: Baseline, metric: string): boolean {
  return metricHistory(baseline, metric, { includeRegressed: true }).runs.length > 0;
}

const acceptHint = (benchmark: string, metric: string) =>
  `accept the change with 'maat baseline accept ${benchmark} --metric ${metric} --from-commit SHA --reason ...', or revert it`;

/**
 * A metric whose unit, direction or aggregate differs from what its baseline recorded is a
 * different quantity: `incomparable` (it fails the check until accepted), never a verdict
 * computed with the candidate's own, possibly flipped, direction.
 */
export function incomparableMetric(
  comparison: MetricComparison,
  baseline: Baseline,
  receipt: ResultReceipt,
): MetricComparison {
  const recorded = baseline.metrics[comparison.metric];
  const named = (d: { name: string }) => d.name === comparison.metric;
  const definition =
    receipt.descriptor.output.metrics.find(named) ?? receipt.descriptor.server?.output.metrics.find(named);
  if (recorded === undefined || definition === undefined) return comparison;
  const changes = meaningChanges(recorded, metricMeaning(definition));
  // The history is looked at last: every metric of a comparison comes here, few changed meaning.
  if (changes.length === 0 || !hasHistory(baseline, comparison.metric)) return comparison;
  const what = changes.map((c) => `${c.field} ${c.before} → ${c.after}`).join(", ");
  return {
    benchmarkId: comparison.benchmarkId,
    metric: comparison.metric,
    unit: comparison.unit,
    direction: recorded.direction,
    verdict: "incomparable",
    reason: `its meaning changed since the baseline (${what}); ${acceptHint(comparison.benchmarkId, comparison.metric)}`,
  };
}

/** Every metric of a sibling baseline (the descriptor changed the hardware key) is incomparable. */
export function incomparableAcrossKeys(
  comparison: MetricComparison,
  sibling: Baseline,
  changes: readonly DescriptorChange[],
): MetricComparison {
  if (!hasHistory(sibling, comparison.metric)) return comparison;
  return {
    benchmarkId: comparison.benchmarkId,
    metric: comparison.metric,
    unit: comparison.unit,
    direction: comparison.direction,
    verdict: "incomparable",
    reason: `the ${describeDescriptorChanges(changes).replace("descriptor changed since the baseline: ", "descriptor change ")} moved it off its baseline on ${sibling.hardware.slug}; ${acceptHint(comparison.benchmarkId, comparison.metric)}`,
  };
}

/** Metrics the baseline has runs of that this (succeeded) run did not measure: renamed or dropped. */
export function disappearedMetrics(
  baseline: Baseline,
  receipt: ResultReceipt,
  measured: ReadonlySet<string>,
): MetricComparison[] {
  if (receipt.status !== "succeeded") return [];
  return Object.keys(baseline.metrics)
    .filter((name) => !measured.has(name) && hasHistory(baseline, name))
    .sort()
    .map((metric) => ({
      benchmarkId: receipt.benchmark.id,
      metric,
      unit: baseline.metrics[metric]!.unit,
      direction: baseline.metrics[metric]!.direction,
      verdict: "failed",
      reason: `${metric} has a baseline but this run no longer measures it (renamed or removed from the descriptor?); ${acceptHint(receipt.benchmark.id, metric)}`,
    }));
}
