import uPlot from "uplot";
import type { HardwareHistory, MetricHistoryData } from "../page-data.js";
import { formatPercent, formatValue, shortCommit } from "./format.js";

export interface ChartInput {
  metric: MetricHistoryData;
  runs: HardwareHistory["runs"];
  /** Runs placed by date, or evenly in commit order. */
  axis: "time" | "commit";
  width: number;
  /** The chart's text alternative, given to its canvas. */
  alt: string;
  /** A run was chosen (click, or arrow keys on the focused chart). */
  onSelect: (index: number) => void;
}

const LINE = "#1d4f91";
const BAND = "rgba(110, 122, 140, 0.2)";
const REGRESSION = "#b3261e";

/**
 * One metric's history as a uPlot chart: the run means, the gate's band per stretch, change
 * points as dashed lines with their step, regressions as triangles (shape and text, not colour
 * alone). The element it is drawn in records how many points it drew (`data-points-drawn`).
 */
export function createChart(container: HTMLElement, input: ChartInput): uPlot {
  const { metric, runs } = input;
  const n = runs.date.length;
  const xs = input.axis === "time" ? runs.date : runs.date.map((_, i) => i);
  // Neighbouring stretches go to different series, so no edge joins one band to the next.
  const edges = [0, 1, 2, 3].map((): (number | null)[] => new Array(n).fill(null));
  metric.bands.forEach((band, b) => {
    const [high, low] = b % 2 === 0 ? [edges[0]!, edges[1]!] : [edges[2]!, edges[3]!];
    for (let i = band.from; i <= band.to; i++) {
      high[i] = band.high;
      low[i] = band.low;
    }
  });
  const options: uPlot.Options = {
    width: input.width,
    height: 260,
    legend: { show: false },
    cursor: { points: { size: 9 }, drag: { x: true, y: false } },
    scales: { x: { time: input.axis === "time" } },
    axes: [
      input.axis === "time"
        ? { stroke: "#222" }
        : {
            stroke: "#222",
            incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
            values: (_u, splits) => splits.map((i) => shortCommit(runs.commit[Math.round(i)])),
          },
      {
        stroke: "#222",
        size: 64,
        label: metric.unit || undefined,
        values: (_u, splits) => splits.map(formatValue),
      },
    ],
    series: [
      {},
      {
        label: metric.name,
        stroke: LINE,
        width: 2,
        spanGaps: true,
        points: { show: true, size: 4, fill: LINE },
      },
      ...["band high", "band low", "next band high", "next band low"].map((label) => ({
        label,
        class: "band-edge",
        stroke: "#6e7a8c",
        dash: [5, 4],
        width: 1,
        points: { show: false },
      })),
    ],
    bands: [
      { series: [2, 3], fill: BAND },
      { series: [4, 5], fill: BAND },
    ],
    hooks: { draw: [(u) => drawMarks(u, input, xs, container)] },
  };
  const chart = new uPlot(options, [xs, metric.values, ...edges], container);
  chart.ctx.canvas.setAttribute("role", "img");
  chart.ctx.canvas.setAttribute("aria-label", input.alt);
  chart.over.addEventListener("click", () => {
    const index = chart.cursor.idx;
    if (index !== null && index !== undefined) input.onSelect(index);
  });
  return chart;
}

/** Change points, regression triangles, and the count of points drawn. */
function drawMarks(u: uPlot, input: ChartInput, xs: number[], container: HTMLElement): void {
  const { metric } = input;
  const ctx = u.ctx;
  const ratio = uPlot.pxRatio;
  const { top, height } = u.bbox;
  ctx.save();
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  for (const change of metric.changePoints) {
    const x = u.valToPos(xs[change.index]!, "x", true);
    ctx.strokeStyle = "#111";
    ctx.lineWidth = ratio;
    ctx.setLineDash([6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = "#111";
    const mark = change.kind === "regression" ? "▼" : change.kind === "improvement" ? "▲" : "◆";
    ctx.fillText(`${mark} ${formatPercent(change.relativeChange)}`, x + 4 * ratio, top + 14 * ratio);
  }
  ctx.fillStyle = REGRESSION;
  ctx.strokeStyle = "#000";
  for (const index of metric.regressed) {
    const value = metric.values[index];
    if (value === null || value === undefined) continue;
    const x = u.valToPos(xs[index]!, "x", true);
    const y = u.valToPos(value, "y", true);
    const s = 6 * ratio;
    ctx.beginPath();
    ctx.moveTo(x - s, y - s);
    ctx.lineTo(x + s, y - s);
    ctx.lineTo(x, y + s);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
  const [first, last] = u.series[1]?.idxs ?? [0, -1];
  let drawn = 0;
  for (let i = first; i <= last; i++) if (metric.values[i] !== null) drawn++;
  container.dataset.pointsDrawn = String(drawn);
}

/** Puts the chart's cursor on a run, as if the pointer were there. */
export function pointAt(chart: uPlot, input: ChartInput, index: number): void {
  const value = input.metric.values[index];
  if (value === null || value === undefined) return;
  const x = input.axis === "time" ? input.runs.date[index]! : index;
  chart.setCursor({ left: chart.valToPos(x, "x"), top: chart.valToPos(value, "y") });
}
