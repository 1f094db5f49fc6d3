/**
 * The built dashboard in a real browser: Debian's Chromium driven by playwright-core, the site
 * served from a loopback HTTP server as GitHub Pages would serve it. Skipped (and saying so)
 * without /usr/bin/chromium (apt-get install chromium). Screenshots are taken into a temporary
 * folder removed afterwards; MAAT_DASHBOARD_SCREENSHOTS=<folder> keeps them for a person to look at.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/dashboard/build-site.js";
import type { BenchmarkPage, SiteIndex } from "../../src/dashboard/page-data.js";
import { generatedSource } from "../support/history-generator.js";
import { CHROMIUM, hasChromium, launchChromium, serveFolder } from "./browser.js";

const KEEP_SCREENSHOTS = process.env.MAAT_DASHBOARD_SCREENSHOTS;
// Generous: a busy two-core machine may take a while to draw; the waits poll, they never sleep.
const WAIT = { timeout: 60_000 };
const TEST = 180_000;
const title = hasChromium
  ? "the dashboard in Chromium"
  : `the dashboard in Chromium (skipped: ${CHROMIUM} not found; apt-get install chromium)`;

describe.skipIf(!hasChromium)(title, () => {
  let site: string;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let SCREENSHOTS: string;
  const problems: string[] = [];

  beforeAll(async () => {
    site = await mkdtemp(path.join(tmpdir(), "maat-site-"));
    await buildSite({
      source: generatedSource({ benchmarks: 8, metrics: 4, runs: 160 }),
      outDir: site,
      title: "Model benchmarks",
      repositoryUrl: "https://github.com/acme/models",
      now: new Date("2025-03-01T00:00:00Z"),
    });
    SCREENSHOTS = KEEP_SCREENSHOTS
      ? path.resolve(KEEP_SCREENSHOTS)
      : path.join(site, "..", `${path.basename(site)}-shots`);
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await serveFolder(site);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
  }, TEST);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
    if (SCREENSHOTS && !KEEP_SCREENSHOTS) await rm(SCREENSHOTS, { recursive: true, force: true });
  }, TEST);

  it(
    "lists every benchmark, regressions first, filterable, without loading any benchmark's data",
    async () => {
      await page.goto(`${server.url}index.html`);
      const rows = page.locator("#benchmarks tbody tr");
      await expect.poll(() => rows.count(), WAIT).toBe(8);
      expect(await rows.first().getAttribute("data-worst")).toBe("regression");
      expect(server.requests.filter((r) => r.startsWith("/data/"))).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, "index.png"), fullPage: true });
      const index = JSON.parse(await readFile(path.join(site, "data/index.json"), "utf8")) as SiteIndex;
      const regressed = index.benchmarks.filter((b) => b.worst === "regression").length;
      expect(regressed).toBeGreaterThanOrEqual(2);
      await page.getByLabel("Only regressions").check();
      await expect
        .poll(() => page.locator("#benchmarks tbody tr:not([hidden])").count(), WAIT)
        .toBe(regressed);
      expect(await page.locator("#shown").textContent()).toBe(`Showing ${regressed} of 8 benchmarks.`);
      await page.getByLabel("Only regressions").uncheck();
      await page.getByLabel("Filter benchmarks").fill("model-005");
      await expect.poll(() => page.locator("#benchmarks tbody tr:not([hidden])").count(), WAIT).toBe(1);
    },
    TEST,
  );

  it(
    "opens a benchmark from the keyboard and draws every chart with all its points",
    async () => {
      await page.getByLabel("Filter benchmarks").fill("model-005");
      const link = page.getByRole("link", { name: "model-005" });
      await link.focus();
      const before = server.requests.length;
      await page.keyboard.press("Enter");
      await page.waitForURL(/benchmarks\/model-005\.html$/);
      const loaded = server.requests.slice(before).filter((r) => r.startsWith("/data/"));
      expect(loaded).toEqual(["/data/model-005.js"]);
      const data = (await page.evaluate("window.MAAT_BENCHMARK")) as BenchmarkPage;
      expect(data.hardware).toHaveLength(2);
      await expectChartsMatch(page, data, 0);
      await page.screenshot({ path: path.join(SCREENSHOTS, "benchmark.png"), fullPage: false });
    },
    TEST,
  );

  it(
    "switches hardware keys and the horizontal axis, redrawing each chart",
    async () => {
      const data = (await page.evaluate("window.MAAT_BENCHMARK")) as BenchmarkPage;
      await page.getByLabel("Hardware key").selectOption("1");
      await expectChartsMatch(page, data, 1);
      expect(await page.locator("#summary-title").textContent()).toBe(
        `Latest verdicts on ${data.hardware[1]!.slug}`,
      );
      await page.getByLabel("Commit order").check();
      await expectChartsMatch(page, data, 1);
      await page.getByLabel("Hardware key").selectOption("0");
      await page.getByLabel("Date").check();
      await expectChartsMatch(page, data, 0);
    },
    TEST,
  );

  it(
    "steps through runs with the arrow keys, announcing each and linking its commit",
    async () => {
      const data = (await page.evaluate("window.MAAT_BENCHMARK")) as BenchmarkPage;
      const runs = data.hardware[0]!.runs;
      const chart = page.locator(".chart").first();
      await chart.focus();
      await page.keyboard.press("End");
      await page.keyboard.press("ArrowLeft");
      const status = await page.locator("#status").textContent();
      expect(status).toContain(`run ${runs.date.length - 1} of ${runs.date.length}`);
      expect(status).toContain(`commit ${runs.commit.at(-2)!.slice(0, 7)}`);
      const commit = page.locator(".metric").first().locator(".point a");
      expect(await commit.getAttribute("href")).toBe(
        `https://github.com/acme/models/commit/${runs.commit.at(-2)}`,
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, "keyboard-cursor.png") });
    },
    TEST,
  );

  it(
    "gives every chart a text alternative and reads the same without colour",
    async () => {
      // The canvas is the image (its label is the text alternative); its focusable box the control.
      const canvases = page.locator(".chart canvas");
      expect(await canvases.count()).toBe(4);
      for (let i = 0; i < 4; i++) {
        const label = await canvases.nth(i).getAttribute("aria-label");
        expect(label).toMatch(/^Chart of \S+\. \S+ in .*, 160 runs from .* Latest verdict: /);
        expect(await canvases.nth(i).getAttribute("role")).toBe("img");
      }
      expect(await page.locator(".chart").first().getAttribute("aria-roledescription")).toBe("chart");
      // Verdicts carry a word and a symbol, not only a colour.
      const verdicts = await page.locator(".verdict-line .verdict").allTextContents();
      expect(verdicts.every((v) => /^[▼✖?▲●○] \w/.test(v))).toBe(true);
      await page.emulateMedia({ colorScheme: "light", forcedColors: "active" });
      await page.screenshot({ path: path.join(SCREENSHOTS, "forced-colors.png") });
      await page.emulateMedia({ forcedColors: "none" });
      const table = page.locator(".metric").first().locator("details");
      await table.locator("summary").click();
      await expect.poll(() => table.locator("tbody tr").count(), WAIT).toBe(160);
      expect(problems).toEqual([]);
    },
    TEST,
  );
});

/** Every chart of hardware key `h` (scrolled into view, since charts draw lazily) drew all its runs with a value. */
async function expectChartsMatch(page: Page, data: BenchmarkPage, h: number): Promise<void> {
  const metrics = data.hardware[h]!.metrics;
  const charts = page.locator(".chart");
  await expect.poll(() => charts.count(), WAIT).toBe(metrics.length);
  for (const [i, metric] of metrics.entries()) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    const expected = metric.values.filter((v) => v !== null).length;
    await expect.poll(() => charts.nth(i).getAttribute("data-points-drawn"), WAIT).toBe(String(expected));
    expect(await page.locator(".metric h2").nth(i).textContent()).toBe(`${metric.name} (${metric.unit})`);
  }
}
