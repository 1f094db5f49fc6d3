// How well change points are found, on a labelled synthetic suite (seeded), by Maat's history
// detector and gate replay, next to the simple rules popular tools use, computed in the same run.
import { detectChangePoints, replayGate } from "../../src/stats/changepoints/index.js";
import { createRandom, type Random } from "../../src/stats/rng.js";
import type { BenchRow, BenchSuite } from "../row.js";

interface LabelledSeries {
  values: number[];
  /** Indices where a new level starts. */
  changes: number[];
}

type Noise = (random: Random) => number;
const normal: Noise = (r) => r.normal();
const heavy: Noise = (r) => {
  let chi = 0;
  for (let i = 0; i < 3; i++) chi += r.normal() ** 2;
  return r.normal() / Math.sqrt(chi / 3);
};
const bimodal: Noise = (r) => (r.uniform() < 0.5 ? -1 : 1) + 0.3 * r.normal();

/** Steps of 1-20% either way, spikes that revert, slow drifts, and stable series, in three noise shapes. */
export function labelledSuite(seed = 7): LabelledSeries[] {
  const random = createRandom(seed);
  const suite: LabelledSeries[] = [];
  const length = 250;
  for (let s = 0; s < 180; s++) {
    const noise = [normal, heavy, bimodal][s % 3]!;
    const sd = 0.005 + random.uniform() * 0.015;
    const kind = Math.floor(s / 3) % 5; // 0,1: steps; 2: spikes; 3: drift; 4: stable
    const level = new Array<number>(length).fill(100);
    const changes: number[] = [];
    if (kind <= 1) {
      const steps = kind === 0 ? 1 : 2;
      let at = 30 + random.int(60);
      for (let k = 0; k < steps; k++) {
        const size = (0.01 + random.uniform() * 0.19) * (random.uniform() < 0.5 ? -1 : 1);
        for (let i = at; i < length; i++) level[i] = level[i]! * (1 + size);
        changes.push(at);
        at += 60 + random.int(60);
      }
    }
    if (kind === 3) for (let i = 0; i < length; i++) level[i] = 100 * (1 + (0.03 * i) / length);
    const values = level.map((l) => l * (1 + sd * noise(random)));
    if (kind === 2)
      for (let k = 0; k < 3; k++) values[20 + random.int(length - 40)]! *= 1.3 + random.uniform() * 0.5;
    suite.push({ values, changes });
  }
  return suite;
}

type Method = (values: number[]) => number[];

const previousRatio =
  (limit: number): Method =>
  (values) =>
    values.flatMap((v, i) =>
      i > 0 && (v / values[i - 1]! >= limit || values[i - 1]! / v >= limit) ? [i] : [],
    );

const zScoreRule: Method = (values) =>
  values.flatMap((v, i) => {
    const window = values.slice(Math.max(0, i - 100), i);
    if (window.length < 10) return [];
    const mean = window.reduce((a, b) => a + b, 0) / window.length;
    const sd = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / (window.length - 1));
    return Math.abs(v - mean) > 5 * sd ? [i] : [];
  });

const METHODS: [string, Method, boolean][] = [
  ["maat history (detectChangePoints)", (v) => detectChangePoints(v).map((p) => p.index), false],
  ["maat gate replay (persistence 2)", (v) => replayGate(v).map((p) => p.index), false],
  ["maat gate replay (persistence 3)", (v) => replayGate(v, { persistence: 3 }).map((p) => p.index), false],
  ["previous run ratio >= 2x", previousRatio(2), true],
  ["fixed 10% vs previous run", previousRatio(1.1), true],
  ["z-score > 5 over 100 points", zScoreRule, true],
];

const MARGIN = 5;

interface Score {
  precision: number;
  recall: number;
  f1: number;
  falseAlarmsPer1k: number;
}

export function score(suite: LabelledSeries[], method: Method): Score {
  let truePositives = 0;
  let detections = 0;
  let truths = 0;
  let stableFalse = 0;
  let stablePoints = 0;
  for (const series of suite) {
    const found = method(series.values);
    const used = new Set<number>();
    for (const change of series.changes) {
      const match = found.findIndex((f, i) => !used.has(i) && Math.abs(f - change) <= MARGIN);
      if (match >= 0) {
        used.add(match);
        truePositives++;
      }
    }
    detections += found.length;
    truths += series.changes.length;
    if (series.changes.length === 0) {
      stableFalse += found.length;
      stablePoints += series.values.length;
    }
  }
  const precision = detections === 0 ? 1 : truePositives / detections;
  const recall = truths === 0 ? 1 : truePositives / truths;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, falseAlarmsPer1k: (1000 * stableFalse) / stablePoints };
}

const describe = (s: Score) =>
  `P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)} FA/1k ${s.falseAlarmsPer1k.toFixed(1)}`;

export const detectionQualitySuite: BenchSuite = {
  name: "detection-quality",
  async run() {
    const suite = labelledSuite();
    const scores = METHODS.map(([name, method, simple]) => ({ name, simple, score: score(suite, method) }));
    const best = scores.filter((s) => s.simple).sort((a, b) => b.score.f1 - a.score.f1)[0]!;
    return scores.map(
      ({ name, simple, score: s }): BenchRow => ({
        suite: "detection-quality",
        case: name,
        value: describe(s),
        reference: simple ? "(simple rule)" : `${best.name}: ${describe(best.score)}`,
        ratio: simple || best.score.f1 === 0 ? null : s.f1 / best.score.f1,
        target: simple ? "-" : "F1 above the best simple rule, FA/1k <= 1",
        met: simple ? null : s.f1 > best.score.f1 && s.falseAlarmsPer1k <= 1,
      }),
    );
  },
};
