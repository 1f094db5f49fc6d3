import { assessMetric } from "./assess-metric.js";
import { adjustBenjaminiHochberg } from "./benjamini-hochberg.js";
import { decideVerdict } from "./decide-verdict.js";
import { resolvePolicy } from "./policy.js";
import type { ComparisonPolicy, MetricComparison, MetricComparisonInput } from "./types.js";

/**
 * Compares each metric of a candidate run with its baseline history and returns one verdict per
 * metric, in input order. The p-values of all tested metrics form one Benjamini-Hochberg family,
 * so many unchanged metrics do not add up to a false alarm.
 *
 * @example
 * const [result] = compareMetrics([{ benchmarkId: "resnet", metric: "throughput", unit: "img/s",
 *   direction: "higher_is_better", thresholds: {}, history, candidate: [950, 948, 955] }]);
 * result.verdict; // "regression" when 5% below a steady history
 */
export function compareMetrics(
  inputs: readonly MetricComparisonInput[],
  policy: Partial<ComparisonPolicy> = {},
): MetricComparison[] {
  const resolved = resolvePolicy(policy);
  const assessments = inputs.map((input) => assessMetric(input, resolved));
  const tested = assessments.filter((a) => a.tested);
  const adjusted = adjustBenjaminiHochberg(tested.map((a) => a.comparison.test!.pValue));
  const byAssessment = new Map(tested.map((a, i) => [a, adjusted[i]!]));
  return assessments.map((a) => {
    const p = byAssessment.get(a);
    return p === undefined ? a.comparison : decideVerdict(a, p, resolved);
  });
}
