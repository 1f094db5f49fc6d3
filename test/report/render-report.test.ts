import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render-report.js";
import type { ReportInput } from "../../src/report/types.js";
import { benchmark, metric, realisticComparison, reportOf, structure } from "./fixtures.js";

const links = {
  runUrl: "https://github.com/acme/vision/actions/runs/42",
  artifactsUrl: "https://github.com/acme/vision/actions/runs/42/artifacts/7",
};

function realisticInput(): ReportInput {
  const { receipts, report, history } = realisticComparison();
  return { report, receipts, history, links };
}

function sectionOf(markdown: string, heading: RegExp): string {
  const start = markdown.search(heading);
  const next = markdown.indexOf("\n### ", start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe("renderReport", () => {
  it("opens with the headline, under the title when there is one", () => {
    const { markdown, truncated } = renderReport(realisticInput());
    expect(markdown.startsWith("❌ **1 regression in 1 benchmark**, 1 benchmark failed")).toBe(true);
    expect(truncated).toBe(false);
    const titled = renderReport({ ...realisticInput(), title: "Benchmarks for #12" }).markdown;
    expect(titled.startsWith("## Benchmarks for \\#12\n\n❌ **1 regression")).toBe(true);
  });

  it("shows baseline, this run, change and verdict per metric in a table per benchmark", () => {
    const { markdown } = renderReport(realisticInput());
    expect(markdown).toMatch(/^\| Metric \| Baseline \| This run \| Change \| Verdict \| Detects \|$/m);
    expect(markdown).toMatch(
      /^\| `throughput` \(images\/sec\) \| 28\d\d ± [\d.]+ \(30 runs\) \| 27\d\d \[\d+, \d+\] \| -[45]\.\d% \(95% CI -\d\.\d% to -\d\.\d%\) \| ❌ regression \| ±\d+\.\d% \|$/m,
    );
  });

  it("puts benchmarks with a regression first, then failed runs, then the rest", () => {
    const report = reportOf([
      benchmark("a-fine", [metric("latency", "unchanged")]),
      benchmark("b-broken", [metric("latency", "failed")], {
        status: "timed_out",
        statusReason: "after 30 min",
      }),
      benchmark("c-slower", [metric("latency", "unchanged"), metric("p99", "regression")]),
    ]);
    const { markdown } = renderReport({ report, receipts: [], history: () => [], links: {} });
    const order = ["c-slower", "b-broken", "a-fine"].map((id) => markdown.indexOf(`### ❌ \`${id}\``));
    expect(order[0]).toBeGreaterThan(0);
    expect(markdown.indexOf("### ✅ `a-fine`")).toBeGreaterThan(order[1]!);
    expect(order[0]).toBeLessThan(order[1]!);
  });

  it("lists regressions first within a benchmark and collapses the unchanged metrics", () => {
    const report = reportOf([
      benchmark("serve", [
        metric("a_memory", "unchanged"),
        metric("b_latency", "improvement"),
        metric("c_p99", "inconclusive"),
        metric("d_tokens", "unchanged"),
        metric("z_throughput", "regression"),
      ]),
    ]);
    const { markdown } = renderReport({ report, receipts: [], history: () => [], links: {} });
    const rows = markdown.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.map((r) => r.match(/`(\w+)`/)![1])).toEqual([
      "z_throughput",
      "c_p99",
      "b_latency",
      "a_memory",
      "d_tokens",
    ]);
    const details = markdown.slice(markdown.indexOf("<details><summary>2 unchanged metrics</summary>"));
    expect(details).toContain("`a_memory`");
    expect(details.indexOf("</details>")).toBeGreaterThan(details.indexOf("`d_tokens`"));
    expect(markdown.indexOf("`z_throughput`")).toBeLessThan(markdown.indexOf("<details>"));
  });

  it("shows a benchmark with only unchanged metrics as a heading over a collapsed table", () => {
    const report = reportOf([
      benchmark("steady", [metric("latency", "unchanged"), metric("p99", "unchanged")]),
    ]);
    const { markdown } = renderReport({ report, receipts: [], history: () => [], links: {} });
    expect(markdown).toContain(
      "### ✅ `steady` on `gpu-a100-3fa9c2d1`\n\n<details><summary>2 unchanged metrics</summary>\n\n| Metric |",
    );
  });

  it("gives the short reason of an inconclusive verdict in its cell", () => {
    const report = reportOf([benchmark("serve", [metric("p99", "inconclusive")])]);
    const { markdown } = renderReport({ report, receipts: [], history: () => [], links: {} });
    expect(markdown).toContain("| ⚠️ inconclusive: only 2 baseline runs |");
  });

  it("shows a failed run's status and reason above its table", () => {
    const section = sectionOf(
      renderReport(realisticInput()).markdown,
      /### ❌ .*, run `20240614T030002Z-77aa0c1`/,
    );
    expect(section).toContain(
      "> **Run failed**: repetition 3 exited with code 1 (CUDA error: out of memory)",
    );
    expect(section).toContain("| `throughput` (images/sec) | - | - | - | ❌ failed |");
  });

  it("names the hardware keys that do have a baseline when this one has none", () => {
    const section = sectionOf(
      renderReport(realisticInput()).markdown,
      /### ⚠️ `resnet50-training` on `gpu-h100/,
    );
    expect(section).toMatch(/No baseline for this hardware\. Baselines exist for: `gpu-a100-[^`]+`\./);
    expect(section).toContain("| no baseline |");
  });

  it("draws a trend chart for each regressed metric, with this run's commit last", () => {
    const { markdown } = renderReport(realisticInput());
    const charts = markdown.match(/```mermaid\n[\s\S]*?\n```/g) ?? [];
    expect(charts).toHaveLength(1);
    expect(charts[0]).toContain('title "throughput: 30 baseline runs, then this run"');
    expect(charts[0]).toContain('"c4nd1d4 (this run)"]');
  });

  it("keeps only the last 30 points of a long history", () => {
    const report = reportOf([benchmark("serve", [metric("latency", "regression")])]);
    const history = () => Array.from({ length: 100 }, (_, i) => ({ label: `r${i}`, value: 100 + (i % 3) }));
    const { markdown } = renderReport({ report, receipts: [], history, links: {} });
    expect(markdown).toContain('x-axis ["r70", ');
    expect(markdown).toContain('"r99", "this run"]');
  });

  it("links the workflow run and the artifacts when given", () => {
    expect(renderReport(realisticInput()).markdown).toContain(
      "[Workflow run](https://github.com/acme/vision/actions/runs/42) · [Artifacts](https://github.com/acme/vision/actions/runs/42/artifacts/7)",
    );
    const bare = renderReport({ ...realisticInput(), links: {} }).markdown;
    expect(bare).not.toContain("[Workflow run]");
  });

  it("collapses each receipt's hardware, versions, source and repetitions at the end", () => {
    const { markdown } = renderReport(realisticInput());
    const details = markdown.slice(markdown.indexOf("<details><summary>Run details (3 receipts)</summary>"));
    expect(details).toContain("`resnet50-training/2024-06-01-candidate`");
    expect(details).toContain("`c4nd1d4` on `main`");
    expect(details).toContain("1x NVIDIA A100-SXM4-80GB (driver 550.54.15)");
    expect(details).toContain("p4d.24xlarge (requested), local runner");
    expect(details).toContain("gpu-runner-07 \\[self-hosted, linux, x64, gpu-a100\\]");
    expect(details).toContain("maat 0.1.0, pytorch 2.3.1");
    expect(details).toContain("5 + 1 warm-up: fixed repetition count reached (5)");
    expect(details).toContain("(failed)");
    expect(details.trimEnd().endsWith("</details>")).toBe(true);
    expect(structure(markdown).detailsOpen).toBe(structure(markdown).detailsClose);
  });

  it("escapes a | in a metric name so the table keeps its columns", () => {
    const report = reportOf([benchmark("serve", [metric("p50|p99", "regression", { unit: "ms|s" })])]);
    const { markdown } = renderReport({ report, receipts: [], history: () => [], links: {} });
    const row = markdown.split("\n").find((l) => l.includes("p50"))!;
    expect(row).toContain("`p50\\|p99` (ms\\|s)");
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
  });

  it("keeps HTML-like text in reasons and names from opening tags", () => {
    const report = reportOf([
      benchmark("serve", [metric("<details>", "inconclusive", { reason: "saw <details> in the log" })]),
    ]);
    const { markdown } = renderReport({ report, receipts: [], history: () => [], links: {} });
    expect(markdown).not.toMatch(/(?<![`\\])<details>(?!<summary>)/);
  });
});
