import { assessMetric } from "./assess-metric.js";
import { adjustBenjaminiHochberg } from "./benjamini-hochberg.js";
import { decideVerdict } from "./decide-verdict.js";
import { resolvePolicy } from "./policy.js";
import type { ComparisonPolicy, MetricComparison, MetricComparisonInput } from "./types.js";

/**
 * Compares each metric of a candidate run with its baseline history and returns one verdict per
 * metric, in input order. Each benchmark's tested metrics (its `family`) form one
 * Benjamini-Hochberg family: many unchanged metrics of a benchmark do not add up to a false
 * alarm, and a real shift is not drowned by thousands of metrics of other benchmarks.
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
  const families = new Map<string, number[]>();
  assessments.forEach((a, i) => {
    if (a.tested === undefined) return;
    const members = families.get(a.family);
    if (members === undefined) families.set(a.family, [i]);
    else members.push(i);
  });
  const adjusted = new Map<number, number>();
  for (const members of families.values()) {
    const pValues = adjustBenjaminiHochberg(members.map((i) => assessments[i]!.comparison.test!.pValue));
    members.forEach((index, j) => {
      adjusted.set(index, pValues[j]!);
    });
  }
  return assessments.map((a, i) =>
    a.tested === undefined ? a.comparison : decideVerdict(a.comparison, a.tested, adjusted.get(i)!, resolved),
  );
}
