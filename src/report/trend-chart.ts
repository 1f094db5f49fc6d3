import { count } from "./markdown-text.js";
import type { TrendPoint } from "./types.js";

/**
 * A Mermaid `xychart-beta` block (GitHub renders it) of a metric's recent history with this
 * run as the last point, labelled "this run" when `current.label` is empty. A line joins all
 * points; a bar series standing on the axis minimum (zero height) everywhere but the last
 * point marks this run.
 *
 * @example
 * renderTrendChart("throughput", "images/sec", [{ label: "a1b2c3d", value: 2841 }], { label: "9f3e2ab", value: 2710 })
 */
export function renderTrendChart(
  title: string,
  unit: string,
  points: TrendPoint[],
  current: TrendPoint,
): string {
  const history = points.filter((p) => Number.isFinite(p.value));
  const last = current.label.trim() === "" ? "this run" : `${current.label} (this run)`;
  const all = [...history, { label: last, value: current.value }];
  const values = all.map((p) => p.value).filter(Number.isFinite);
  const [min, max] = axisRange(values);
  const name = chartText(title) || "metric";
  const axis = unit === "" ? name : `${name} (${chartText(unit)})`;
  const marker = all.map((p, i) => (i === all.length - 1 && Number.isFinite(p.value) ? p.value : min));
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${name}: ${count(history.length, "baseline run")}, then this run"`,
    `  x-axis [${uniqueLabels(all.map((p) => p.label)).join(", ")}]`,
    `  y-axis "${axis}" ${plainNumber(min)} --> ${plainNumber(max)}`,
    `  line [${all.map((p) => plainNumber(Number.isFinite(p.value) ? p.value : min)).join(", ")}]`,
    `  bar [${marker.map(plainNumber).join(", ")}]`,
    "```",
  ].join("\n");
}

/** The data's range padded by a tenth of its span, rounded outwards, kept at or above 0 for positive data. */
function axisRange(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low;
  const pad = span > 0 ? span * 0.1 : Math.abs(high) * 0.05 || 1;
  const step = 10 ** Math.floor(Math.log10(pad));
  let min = Math.floor((low - pad) / step) * step;
  const max = Math.ceil((high + pad) / step) * step;
  if (low >= 0 && min < 0) min = 0;
  return [min, max];
}

/** Mermaid's number grammar has no exponent: six significant digits, written out. */
function plainNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return "0";
  if (Math.abs(value) >= 1e21) return BigInt(Math.round(value)).toString();
  const digits = Math.max(0, Math.min(20, 6 - Math.ceil(Math.log10(Math.abs(value)))));
  const text = value.toFixed(digits);
  const trimmed = text.includes(".") ? text.replace(/\.?0+$/, "") : text;
  return trimmed === "-0" ? "0" : trimmed;
}

/** Text inside Mermaid quotes: no quotes, no entity or statement characters, kept short. */
function chartText(text: string): string {
  return text
    .replace(/[^\p{L}\p{N} _.:/()+%@-]/gu, "")
    .trim()
    .slice(0, 60);
}

/** Quoted x-axis labels; repeats get a suffix, since a category axis merges equal names. */
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((raw) => {
    const label = chartText(raw) || "run";
    const times = (seen.get(label) ?? 0) + 1;
    seen.set(label, times);
    return `"${times === 1 ? label : `${label} (${times})`}"`;
  });
}
