// How well change points are found, per source: Maat's history detector and gate replay next to
// re-implementations of asv's step fit and regression rule and a conbench-style z-score rule,
// all computed in the same run, on the synthetic suite, the shared development set
// (../shared/dev-series, when present) and the collected public set (bench/data/changepoints).
import { resolve } from "node:path";
import { detectChangePoints, replayGate } from "../../src/stats/changepoints/index.js";
import { asvRegressionRule } from "../quality/asv-regressions.js";
import { asvStepFit } from "../quality/asv-step-fit.js";
import { type LabelledSeries, readLabelledSeries } from "../quality/labelled-series.js";
import {
  ALERT_WINDOW,
  CHANGE_POINT_WINDOW,
  describeScore,
  emptyTally,
  type MatchWindow,
  type Score,
  scoreOf,
  tallySeries,
} from "../quality/score.js";
import { syntheticSuite } from "../quality/synthetic-suite.js";
import type { BenchRow, BenchSuite } from "../row.js";

interface Method {
  name: string;
  detect: (values: number[]) => number[];
  window: MatchWindow;
  gate: boolean;
}

/** conbench's rule: a point more than 5 standard deviations from the mean of the 100 before it. */
const zScoreRule = (values: number[]) =>
  values.flatMap((v, i) => {
    const window = values.slice(Math.max(0, i - 100), i);
    if (window.length < 10) return [];
    const mean = window.reduce((a, b) => a + b, 0) / window.length;
    const sd = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / (window.length - 1));
    return Math.abs(v - mean) > 5 * sd ? [i] : [];
  });

export const METHODS: Method[] = [
  {
    name: "maat detect",
    detect: (v) => detectChangePoints(v).map((p) => p.index),
    window: CHANGE_POINT_WINDOW,
    gate: false,
  },
  { name: "asv step fit", detect: asvStepFit, window: CHANGE_POINT_WINDOW, gate: false },
  {
    name: "asv regression rule (5%)",
    detect: (v) => asvRegressionRule(v),
    window: CHANGE_POINT_WINDOW,
    gate: false,
  },
  {
    name: "maat gate (default)",
    detect: (v) => replayGate(v).map((p) => p.index),
    window: ALERT_WINDOW,
    gate: true,
  },
  { name: "conbench-style z > 5 (100 points)", detect: zScoreRule, window: ALERT_WINDOW, gate: true },
];

/** Series grouped by what a row reports: each source, plus every set as a whole. */
export function groups(): [string, LabelledSeries[]][] {
  const synthetic = syntheticSuite();
  const shared = readLabelledSeries(
    process.env.MAAT_DEV_SERIES ?? resolve("../shared/dev-series/series.jsonl"),
  );
  const collected = readLabelledSeries(resolve("bench/data/changepoints/series.jsonl"));
  const bySource = (set: LabelledSeries[], prefix: string) => {
    const map = new Map<string, LabelledSeries[]>();
    for (const s of set) map.set(`${prefix}${s.source}`, [...(map.get(`${prefix}${s.source}`) ?? []), s]);
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const out: [string, LabelledSeries[]][] = [["synthetic (all)", synthetic], ...bySource(synthetic, "")];
  if (shared.length > 0) out.push(["dev-series (all)", shared], ...bySource(shared, "dev-series/"));
  if (collected.length > 0) {
    out.push(["collected (all)", collected]);
    const domains = new Map<string, LabelledSeries[]>();
    for (const s of collected) domains.set(s.domain, [...(domains.get(s.domain) ?? []), s]);
    for (const [domain, set] of domains) out.push([`collected domain ${domain}`, set]);
    out.push(...bySource(collected, "collected/"));
  }
  return out;
}

export function scoreMethod(method: Method, set: readonly LabelledSeries[]): Score {
  const tally = emptyTally();
  for (const series of set) tallySeries(tally, series, method.detect(series.values), method.window);
  return scoreOf(tally);
}

export const detectionQualitySuite: BenchSuite = {
  name: "detection-quality",
  async run() {
    const rows: BenchRow[] = [];
    for (const [group, set] of groups()) {
      const scores = new Map(METHODS.map((m) => [m.name, scoreMethod(m, set)]));
      const asv = scores.get("asv step fit")!;
      for (const method of METHODS) {
        const s = scores.get(method.name)!;
        const isMaat = method.name.startsWith("maat");
        rows.push({
          suite: "detection-quality",
          case: `${group} (${set.length} series, ${s.labels} changes): ${method.name}`,
          value: describeScore(s, method.gate),
          reference: isMaat ? `asv step fit: ${describeScore(asv)}` : "-",
          ratio: isMaat && asv.f1 > 0 ? s.f1 / asv.f1 : null,
          target: !isMaat ? "-" : method.gate ? "F1 >= 0.50, FA/1k <= 1" : "F1 >= asv, FA/1k <= asv",
          met: !isMaat
            ? null
            : method.gate
              ? s.f1 >= 0.5 && s.falseAlarmsPer1k <= 1
              : s.f1 >= asv.f1 && s.falseAlarmsPer1k <= asv.falseAlarmsPer1k,
        });
      }
    }
    return rows;
  },
};
