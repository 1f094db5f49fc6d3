import { escapeHtml, pageFrame } from "./html.js";
import { VERDICT_ORDER } from "./index-entry.js";
import { type IndexEntry, type SiteIndex, VERDICT_LABEL } from "./page-data.js";

/**
 * The index page: every benchmark with its newest run and latest verdicts, as a plain table
 * that works without scripts (the script adds filtering). Regressed benchmarks come first.
 */
export function renderIndexPage(index: SiteIndex): string {
  const rows = [...index.benchmarks].sort(byUrgency).map(row).join("\n");
  const regressed = index.benchmarks.filter((b) => b.worst === "regression").length;
  const body = `<header class="site">
<h1>${escapeHtml(index.title)}</h1>
<p>${index.benchmarks.length} benchmark${index.benchmarks.length === 1 ? "" : "s"}, ${regressed} with a regression in the latest run. Built ${escapeHtml(index.generatedAt.replace("T", " ").slice(0, 16))} UTC.</p>
</header>
<main id="main">
<div class="filters" hidden>
<label for="filter">Filter benchmarks</label>
<input id="filter" type="search" autocomplete="off" aria-controls="benchmarks">
<label><input id="only-regressions" type="checkbox"> Only regressions</label>
<p id="shown" role="status" aria-live="polite"></p>
</div>
<table id="benchmarks" class="index">
<caption>Benchmarks and the verdict of their latest run on each hardware key</caption>
<thead><tr><th scope="col">Benchmark</th><th scope="col">Latest verdict</th><th scope="col">Metrics</th><th scope="col">Hardware keys</th><th scope="col">Runs</th><th scope="col">Last run</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>`;
  return pageFrame({ title: index.title, root: "", page: "index", body });
}

function row(entry: IndexEntry): string {
  const counts = VERDICT_ORDER.filter((v) => (entry.verdicts[v] ?? 0) > 0)
    .map((v) => `${entry.verdicts[v]} ${(entry.verdicts[v] ?? 0) > 1 ? PLURAL[v] : v.replace("-", " ")}`)
    .join(", ");
  const regressed =
    entry.regressed.length > 0
      ? `<br><span class="detail">${escapeHtml(entry.regressed.join(", "))}</span>`
      : "";
  const last = entry.lastRun
    ? `<time datetime="${entry.lastRun.date}">${entry.lastRun.date.slice(0, 10)}</time>${entry.lastRun.commit ? ` <code>${escapeHtml(entry.lastRun.commit.slice(0, 7))}</code>` : ""}`
    : "–";
  return `<tr data-id="${escapeHtml(entry.id)}" data-worst="${entry.worst}">
<th scope="row"><a href="${escapeHtml(entry.page)}">${escapeHtml(entry.id)}</a></th>
<td><span class="verdict verdict-${entry.worst}">${VERDICT_LABEL[entry.worst]}</span> <span class="detail">${escapeHtml(counts)}</span>${regressed}</td>
<td>${entry.metrics}</td><td>${entry.hardwareKeys}</td><td>${entry.runs}</td><td>${last}</td>
</tr>`;
}

const PLURAL: Record<string, string> = {
  regression: "regressions",
  improvement: "improvements",
  "no-baseline": "without baseline",
  unchanged: "unchanged",
  inconclusive: "inconclusive",
  failed: "failed",
  incomparable: "incomparable",
};

function byUrgency(a: IndexEntry, b: IndexEntry): number {
  const rank = (e: IndexEntry) =>
    e.worst === "none" ? VERDICT_ORDER.length : VERDICT_ORDER.indexOf(e.worst);
  return rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
