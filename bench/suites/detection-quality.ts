// How well change points are found, per source: Maat's history detector and gate replay next to
// re-implementations of asv's step fit and regression rule and a conbench-style z-score rule,
// all computed in the same run, on the synthetic suite and on real labelled series: the collected
// public set (bench/data/changepoints) and the shared development set (../shared/dev-series, when
// present).
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

/**
 * Series grouped by what a row reports: the synthetic suite and each of its kinds; the real
 * labelled series (the collected public set, plus any shared development series it lacks) as a
 * whole, by domain and by source.
 */
export function groups(): [string, LabelledSeries[]][] {
  const synthetic = syntheticSuite();
  const collected = readLabelledSeries(resolve("bench/data/changepoints/series.jsonl"));
  const shared = readLabelledSeries(
    process.env.MAAT_DEV_SERIES ?? resolve("../shared/dev-series/series.jsonl"),
  );
  const ids = new Set(collected.map((s) => s.id));
  const real = [...collected, ...shared.filter((s) => !ids.has(s.id))];
  const by = (set: LabelledSeries[], key: (s: LabelledSeries) => string) => {
    const map = new Map<string, LabelledSeries[]>();
    for (const s of set) map.set(key(s), [...(map.get(key(s)) ?? []), s]);
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const out: [string, LabelledSeries[]][] = [
    ["synthetic (all)", synthetic],
    ...by(synthetic, (s) => s.source),
  ];
  if (real.length > 0) {
    out.push(
      ["real (all)", real],
      ...by(real, (s) => `real ${s.domain}`),
      ...by(real, (s) => `real/${s.source}`),
    );
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
