// Precision, recall, F1 (micro over labelled change points), false alarms per 1,000 stable points
// and alert delay, as shared/dev-series/README.md defines them.
import type { LabelledSeries } from "./labelled-series.js";

/** How far a detection may sit from a label: [-before, +after] points. */
export interface MatchWindow {
  before: number;
  after: number;
}

export const CHANGE_POINT_WINDOW: MatchWindow = { before: 5, after: 5 };
/** A gate alerts after the change, at the point that confirms it: later matches allowed. */
export const ALERT_WINDOW: MatchWindow = { before: 5, after: 15 };

export interface Tally {
  truePositives: number;
  detections: number;
  labels: number;
  /** Detections in stable stretches (no-change series, or more than 5 points from any label), and those points. */
  falseInStable: number;
  stablePoints: number;
  delays: number[];
}

export function emptyTally(): Tally {
  return { truePositives: 0, detections: 0, labels: 0, falseInStable: 0, stablePoints: 0, delays: [] };
}

export function tallySeries(
  tally: Tally,
  series: LabelledSeries,
  found: readonly number[],
  window: MatchWindow,
): void {
  const used = new Set<number>();
  // One-to-one, greedy by distance.
  const pairs: [number, number, number][] = [];
  series.changePoints.forEach((label, li) => {
    found.forEach((f, fi) => {
      if (f - label >= -window.before && f - label <= window.after) pairs.push([Math.abs(f - label), li, fi]);
    });
  });
  pairs.sort((a, b) => a[0] - b[0]);
  const matchedLabels = new Set<number>();
  for (const [, li, fi] of pairs) {
    if (matchedLabels.has(li) || used.has(fi)) continue;
    matchedLabels.add(li);
    used.add(fi);
    tally.truePositives++;
    tally.delays.push(found[fi]! - series.changePoints[li]!);
  }
  tally.detections += found.length;
  tally.labels += series.changePoints.length;
  const nearLabel = (i: number) =>
    series.changePoints.some((c) => i - c >= -window.before && i - c <= window.after);
  for (let i = 0; i < series.values.length; i++) if (!nearLabel(i)) tally.stablePoints++;
  found.forEach((f, fi) => {
    if (!used.has(fi) && !nearLabel(f)) tally.falseInStable++;
  });
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  falseAlarmsPer1k: number;
  meanDelay: number | undefined;
  labels: number;
}

export function scoreOf(t: Tally): Score {
  const precision = t.detections === 0 ? 1 : t.truePositives / t.detections;
  const recall = t.labels === 0 ? 1 : t.truePositives / t.labels;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const meanDelay = t.delays.length === 0 ? undefined : t.delays.reduce((a, b) => a + b, 0) / t.delays.length;
  return {
    precision,
    recall,
    f1,
    falseAlarmsPer1k: t.stablePoints === 0 ? 0 : (1000 * t.falseInStable) / t.stablePoints,
    meanDelay,
    labels: t.labels,
  };
}

export function describeScore(s: Score, withDelay = false): string {
  const base = `P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)} FA/1k ${s.falseAlarmsPer1k.toFixed(2)}`;
  return withDelay ? `${base} delay ${s.meanDelay === undefined ? "-" : s.meanDelay.toFixed(1)}` : base;
}
