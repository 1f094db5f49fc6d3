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
  pValue: number;
  kind: "regression" | "improvement" | "shift";
}

export interface ChangePointOptions {
  direction: Direction;
  /** Fewest points on each side of a change (default 5). */
  minSegment: number;
  /** Smallest relative step worth reporting (default 0.01). */
  minEffect: number;
  /** Significance level of each split's test (default 0.005). */
  alpha: number;
  /** Most permutations for a borderline split (default 999). */
  permutations: number;
  /** Points on each side that must show the step locally, so a slow drift is not a step (default 30). */
  localWindow: number;
  seed: number;
}

export const DEFAULT_CHANGE_POINT_OPTIONS: Readonly<ChangePointOptions> = Object.freeze({
  direction: "unknown",
  minSegment: 5,
  minEffect: 0.01,
  alpha: 0.005,
  permutations: 999,
  localWindow: 30,
  seed: 20240607,
});
