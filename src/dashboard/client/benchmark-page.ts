import type uPlot from "uplot";
import type { BenchmarkPage, HardwareHistory, MetricHistoryData } from "../page-data.js";
import { type ChartInput, createChart, pointAt } from "./chart.js";
import { describeChart, describePoint, verdictText } from "./describe.js";
import { formatValue } from "./format.js";

/** Fills a benchmark's page from `window.MAAT_BENCHMARK`: controls, then one chart per metric. */
export function startBenchmarkPage(): void {
  const status = document.getElementById("status")!;
  const data = window.MAAT_BENCHMARK;
  if (data === undefined || data.hardware.length === 0) {
    status.textContent =
      data === undefined ? "The data of this benchmark did not load." : "This benchmark has no runs yet.";
    return;
  }
  const select = document.getElementById("hardware") as HTMLSelectElement;
  for (const [i, hardware] of data.hardware.entries())
    select.add(new Option(describeHardware(hardware), String(i)));
  document.querySelector<HTMLElement>(".controls")!.hidden = false;
  document.querySelector<HTMLElement>(".help")!.hidden = false;
  const axis = () =>
    document.querySelector<HTMLInputElement>('input[name="axis"]:checked')?.value === "commit"
      ? "commit"
      : "time";
  const render = () => renderCharts(data, data.hardware[Number(select.value)]!, axis(), status);
  select.addEventListener("change", render);
  for (const radio of document.querySelectorAll('input[name="axis"]'))
    radio.addEventListener("change", render);
  render();
}

function describeHardware(hardware: HardwareHistory): string {
  const facts = Object.entries(hardware.fields).map(([k, v]) => `${k}: ${v}`);
  return `${hardware.slug} (${hardware.runs.date.length} runs; ${facts.join(", ")})`;
}

/** What the charts on the page hold on to (uPlot instances, observers), released on redraw. */
let releaseCharts: Array<() => void> = [];

/** One figure per metric; each chart is drawn when its figure first comes into view. */
function renderCharts(
  data: BenchmarkPage,
  hardware: HardwareHistory,
  axis: "time" | "commit",
  status: HTMLElement,
): void {
  const host = document.getElementById("charts")!;
  for (const release of releaseCharts) release();
  releaseCharts = [];
  host.replaceChildren();
  updateSummary(hardware);
  const observer =
    "IntersectionObserver" in window ? new IntersectionObserver(show, { rootMargin: "200px" }) : undefined;
  const pending = new Map<Element, () => void>();
  function show(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      pending.get(entry.target)?.();
      pending.delete(entry.target);
      observer?.unobserve(entry.target);
    }
  }
  hardware.metrics.forEach((metric, m) => {
    const figure = metricFigure(data, hardware, metric, m);
    host.append(figure.element);
    const draw = () => figure.draw(axis, status);
    if (observer === undefined) draw();
    else {
      pending.set(figure.element, draw);
      observer.observe(figure.element);
    }
  });
}

function metricFigure(data: BenchmarkPage, hardware: HardwareHistory, metric: MetricHistoryData, m: number) {
  const id = `metric-${m}`;
  const element = document.createElement("section");
  element.className = "metric";
  element.setAttribute("aria-labelledby", `${id}-title`);
  const unit = metric.unit ? ` (${metric.unit})` : "";
  element.innerHTML = `<h2 id="${id}-title"></h2>
<p class="verdict-line"><span class="verdict verdict-${metric.latest.verdict}"></span> <span class="detail"></span></p>
<figure><div class="chart" tabindex="0" role="group" aria-roledescription="chart"></div><figcaption id="${id}-caption"></figcaption></figure>
<p class="point" aria-live="off"></p>
<details><summary>Data table</summary></details>`;
  element.querySelector("h2")!.textContent = `${metric.name}${unit}`;
  element.querySelector(".verdict")!.textContent = verdictText(metric);
  element.querySelector(".verdict-line .detail")!.textContent = metric.latest.reason;
  const chartBox = element.querySelector<HTMLElement>(".chart")!;
  const caption = element.querySelector("figcaption")!;
  const alt = describeChart(metric, hardware.runs);
  caption.textContent = alt;
  chartBox.setAttribute(
    "aria-label",
    `Chart of ${metric.name}: arrow keys step through runs, Enter opens a run's commit`,
  );
  chartBox.setAttribute("aria-describedby", `${id}-caption`);
  const details = element.querySelector("details")!;
  details.addEventListener("toggle", () => fillTable(details, data, hardware, metric), { once: true });
  const pointBox = element.querySelector<HTMLElement>(".point")!;
  return {
    element,
    draw(axis: "time" | "commit", status: HTMLElement) {
      let selected = metric.values.findLastIndex((v) => v !== null);
      const input: ChartInput = {
        metric,
        runs: hardware.runs,
        axis,
        width: Math.max(320, chartBox.clientWidth || 800),
        alt: `Chart of ${metric.name}. ${alt}`,
        onSelect: (index) => select(index),
      };
      const chart = createChart(chartBox, input);
      const select = (index: number) => {
        selected = index;
        pointAt(chart, input, index);
        showPoint(pointBox, data, hardware, metric, index);
        status.textContent = describePoint(metric, hardware.runs, index);
      };
      chartBox.addEventListener("keydown", (event) => {
        const next = step(metric, selected, event.key);
        if (event.key === "Enter") {
          const link = pointBox.querySelector<HTMLAnchorElement>("a");
          if (link) link.click();
          return;
        }
        if (next === undefined) return;
        event.preventDefault();
        select(next);
      });
      chartBox.addEventListener("focus", () => select(selected));
      const sizes = new ResizeObserver(() => resize(chart, chartBox));
      sizes.observe(chartBox);
      releaseCharts.push(() => {
        sizes.disconnect();
        chart.destroy();
      });
    },
  };
}

function resize(chart: uPlot, box: HTMLElement): void {
  const width = Math.max(320, box.clientWidth);
  if (Math.abs(width - chart.width) > 4) chart.setSize({ width, height: chart.height });
}

/** The run the arrow, Home, End and Page keys move to; only runs with a value count. */
function step(metric: MetricHistoryData, from: number, key: string): number | undefined {
  const points = metric.values.flatMap((v, i) => (v === null ? [] : [i]));
  const at = Math.max(0, points.indexOf(from));
  const moves: Record<string, number> = {
    ArrowLeft: at - 1,
    ArrowRight: at + 1,
    PageUp: at - 10,
    PageDown: at + 10,
    Home: 0,
    End: points.length - 1,
  };
  const to = moves[key];
  if (to === undefined) return undefined;
  return points[Math.min(points.length - 1, Math.max(0, to))];
}

function showPoint(
  box: HTMLElement,
  data: BenchmarkPage,
  hardware: HardwareHistory,
  metric: MetricHistoryData,
  index: number,
): void {
  box.replaceChildren(describePoint(metric, hardware.runs, index), " ");
  for (const link of runLinks(data, hardware, index)) box.append(link, " ");
}

/** Links of a run: its commit (when the repository is known) and its receipt (when kept). */
function runLinks(data: BenchmarkPage, hardware: HardwareHistory, index: number): HTMLAnchorElement[] {
  const links: HTMLAnchorElement[] = [];
  const commit = hardware.runs.commit[index];
  if (commit && data.repositoryUrl)
    links.push(anchor(`${data.repositoryUrl}/commit/${commit}`, `Commit ${commit.slice(0, 7)}`));
  const receipt = hardware.runs.receipt[index];
  if (receipt) links.push(anchor(receipt, "Receipt"));
  return links;
}

function anchor(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

function fillTable(
  details: HTMLDetailsElement,
  data: BenchmarkPage,
  hardware: HardwareHistory,
  metric: MetricHistoryData,
): void {
  const table = document.createElement("table");
  table.innerHTML = `<caption></caption><thead><tr><th scope="col">Run</th><th scope="col">Date (UTC)</th><th scope="col">Commit</th><th scope="col">Value</th><th scope="col">Note</th><th scope="col">Links</th></tr></thead><tbody></tbody>`;
  table.querySelector("caption")!.textContent = `${metric.name} on ${hardware.slug}, every run`;
  const body = table.querySelector("tbody")!;
  metric.values.forEach((value, i) => {
    const row = body.insertRow();
    const notes = [
      metric.regressed.includes(i) ? "regression" : "",
      metric.changePoints.some((c) => c.index === i) ? "change point" : "",
    ].filter((n) => n !== "");
    const cells = [
      String(i + 1),
      new Date(hardware.runs.date[i]! * 1000).toISOString().slice(0, 16).replace("T", " "),
      hardware.runs.commit[i]?.slice(0, 7) ?? "–",
      value === null ? "–" : formatValue(value),
      notes.join(", "),
    ];
    for (const text of cells) row.insertCell().textContent = text;
    const links = row.insertCell();
    for (const link of runLinks(data, hardware, i)) links.append(link, " ");
  });
  details.append(table);
}

/** The no-script summary table, redone for the chosen hardware key. */
function updateSummary(hardware: HardwareHistory): void {
  const title = document.getElementById("summary-title");
  if (title) title.textContent = `Latest verdicts on ${hardware.slug}`;
  const body = document.querySelector("#summary tbody");
  if (!body) return;
  body.replaceChildren();
  for (const metric of hardware.metrics) {
    const row = (body as HTMLTableSectionElement).insertRow();
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = metric.name;
    row.append(name);
    const last = metric.values.findLast((v) => v !== null);
    row.insertCell().textContent =
      last === undefined || last === null ? "–" : `${formatValue(last)} ${metric.unit}`;
    const verdict = document.createElement("span");
    verdict.className = `verdict verdict-${metric.latest.verdict}`;
    verdict.textContent = verdictText(metric);
    row.insertCell().append(verdict);
  }
}
