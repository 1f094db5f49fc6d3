import { escapeHtml, pageFrame } from "./html.js";
import { type BenchmarkPage, VERDICT_LABEL } from "./page-data.js";

/**
 * A benchmark's page: a shell the script fills with charts from `data/<id>.js` (loaded by this
 * page only), around a table of the latest verdicts that reads without scripts.
 */
export function renderBenchmarkPage(page: BenchmarkPage, nav: { previous?: string; next?: string }): string {
  const id = escapeHtml(page.benchmarkId);
  const first = page.hardware[0];
  const rows = (first?.metrics ?? [])
    .map((m) => {
      const last = m.values.findLast((v) => v !== null);
      const change =
        m.latest.relativeChange === undefined ? "" : ` (${(m.latest.relativeChange * 100).toFixed(1)}%)`;
      return `<tr><th scope="row">${escapeHtml(m.name)}</th><td>${last === undefined || last === null ? "–" : escapeHtml(String(Number(last.toPrecision(5))))} ${escapeHtml(m.unit)}</td><td><span class="verdict verdict-${m.latest.verdict}">${VERDICT_LABEL[m.latest.verdict]}</span>${escapeHtml(change)}</td></tr>`;
    })
    .join("\n");
  const link = (href: string | undefined, text: string, rel: string) =>
    href === undefined ? "" : `<a rel="${rel}" href="${escapeHtml(href)}">${text}</a>`;
  const body = `<header class="site">
<nav aria-label="Benchmarks"><a href="../index.html">All benchmarks</a> ${link(nav.previous, "← Previous", "prev")} ${link(nav.next, "Next →", "next")}</nav>
<h1>${id}</h1>
</header>
<main id="main" data-benchmark="${id}">
<div class="controls" hidden>
<label for="hardware">Hardware key</label>
<select id="hardware"></select>
<fieldset><legend>Horizontal axis</legend>
<label><input type="radio" name="axis" value="time" checked> Date</label>
<label><input type="radio" name="axis" value="commit"> Commit order</label>
</fieldset>
</div>
<p class="help" hidden>Each chart: the line is the mean of each run; the shaded band is the level the gate compares with ± the smallest change it calls (${page.thresholds.sigma} robust sigmas, at least ${(page.thresholds.minEffect * 100).toFixed(1)}%); dashed vertical lines mark change points; ▼ triangles mark runs folded as regressions. Focus a chart and use the arrow keys to step through runs, Enter to open the commit.</p>
<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Latest verdicts${first ? ` on ${escapeHtml(first.slug)}` : ""}</h2>
<table class="summary"><thead><tr><th scope="col">Metric</th><th scope="col">Latest value</th><th scope="col">Verdict</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>
<div id="charts"></div>
<p id="status" class="status" role="status" aria-live="polite"></p>
<noscript><p>The charts need JavaScript; the table above has the latest verdicts.</p></noscript>
</main>`;
  return pageFrame({
    title: `${page.benchmarkId} · benchmarks`,
    root: "../",
    page: "benchmark",
    body,
    scripts: [`../data/${page.benchmarkId}.js`],
  });
}
