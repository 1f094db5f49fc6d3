import { type HardwareHistory, type MetricHistoryData, VERDICT_LABEL } from "../page-data.js";
import { formatDate, formatPercent, formatValue, shortCommit } from "./format.js";

/** The chart's text alternative: what the picture shows, in one paragraph. */
export function describeChart(metric: MetricHistoryData, runs: HardwareHistory["runs"]): string {
  const points = metric.values.flatMap((v, i) => (v === null ? [] : [i]));
  if (points.length === 0) return `${metric.name}: no runs with a value.`;
  const first = points[0]!;
  const last = points.at(-1)!;
  const unit = metric.unit ? ` ${metric.unit}` : "";
  const values = points.map((i) => metric.values[i]!);
  const band = metric.bands.at(-1);
  const parts = [
    `${metric.name}${unit ? ` in${unit}` : ""}, ${points.length} run${points.length === 1 ? "" : "s"} from ${formatDate(runs.date[first]!)} to ${formatDate(runs.date[last]!)}.`,
    `Lowest ${formatValue(Math.min(...values))}, highest ${formatValue(Math.max(...values))}, latest ${formatValue(metric.values[last]!)}${unit}.`,
  ];
  if (band !== undefined) {
    parts.push(
      `Current band ${formatValue(band.low)} to ${formatValue(band.high)} around the level ${formatValue(band.level)}.`,
    );
  }
  parts.push(
    metric.changePoints.length === 0
      ? "No change points."
      : `${metric.changePoints.length} change point${metric.changePoints.length === 1 ? "" : "s"}: ${metric.changePoints
          .map(
            (c) =>
              `${c.kind} of ${formatPercent(c.relativeChange)} at ${shortCommit(runs.commit[c.index])} (${formatDate(runs.date[c.index]!)})`,
          )
          .join("; ")}.`,
  );
  if (metric.regressed.length > 0) parts.push(`${metric.regressed.length} run(s) folded as regressions.`);
  parts.push(`Latest verdict: ${metric.latest.verdict.replace("-", " ")}.`);
  return parts.join(" ");
}

/** One run of the chart, as the keyboard cursor announces it. */
export function describePoint(
  metric: MetricHistoryData,
  runs: HardwareHistory["runs"],
  index: number,
): string {
  const value = metric.values[index];
  const total = runs.date.length;
  const flags = [
    metric.regressed.includes(index) ? "folded as a regression" : "",
    metric.changePoints.some((c) => c.index === index) ? "first run after a change point" : "",
  ].filter((f) => f !== "");
  const shown =
    value === null || value === undefined
      ? "no value"
      : `${formatValue(value)}${metric.unit ? ` ${metric.unit}` : ""}`;
  return `${metric.name}, run ${index + 1} of ${total}: ${shown} on ${formatDate(runs.date[index]!)}, commit ${shortCommit(runs.commit[index])}${flags.length ? `, ${flags.join(", ")}` : ""}.`;
}

export function verdictText(metric: MetricHistoryData): string {
  const change =
    metric.latest.relativeChange === undefined ? "" : ` ${formatPercent(metric.latest.relativeChange)}`;
  return `${VERDICT_LABEL[metric.latest.verdict] ?? metric.latest.verdict}${change}`;
}
