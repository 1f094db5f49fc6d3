import type { Direction } from "../../descriptor/types.js";
import type { SampleSummary } from "../types.js";

/** A series: one value per run, or each run's repetitions. Oldest first. */
export type Series = readonly number[] | readonly (readonly number[])[];

/** Where a series changed level, with the evidence. */
export interface ChangePoint {
  /** 0-based index of the first point of the new regime (for gate replay: the point that raised the alert). */
  index: number;
  before: SampleSummary;
  after: SampleSummary;
  /** (after.median - before.median) / |before.median|. */
  relativeChange: number;
  /** Two-sided p-value of the local step (trend removed, long-run noise). */
  pValue: number;
  kind: "regression" | "improvement" | "shift";
}

export interface ChangePointOptions {
  direction: Direction;
  /** Fewest points on each side of a change (default 5). */
  minSegment: number;
  /** Smallest relative step worth reporting (default 0.01). */
  minEffect: number;
  /** Penalty per change, in units of long-run noise variance · ln n (default 3, a BIC-like weight). */
  penalty: number;
  /** Least |t| of a step against the local trend, on the long-run noise scale (default 4). */
  stepT: number;
  /** Points on each side that judge a step against the local trend (default 30). */
  localWindow: number;
  /** A point this many difference-scale sigmas from its running median is a spike, not a level (default 5). */
  spikeLimit: number;
}

export const DEFAULT_CHANGE_POINT_OPTIONS: Readonly<ChangePointOptions> = Object.freeze({
  direction: "unknown",
  minSegment: 5,
  minEffect: 0.01,
  penalty: 3,
  stepT: 4,
  localWindow: 30,
  spikeLimit: 5,
});
