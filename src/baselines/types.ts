import type { Aggregation, Direction } from "../descriptor/types.js";
import type { SampleSummary } from "../stats/types.js";

/**
 * Version of the baseline file layout; bumped when the shape changes. Version 2 stores a run's
 * metric as its bare values when every value is kept (the summary is derived on read, so it can
 * neither be edited apart from its values nor cost bytes); version 1 files are still read.
 */
export const BASELINE_SCHEMA_VERSION = 2 as const;

/**
 * What a result is allowed to be compared with: two results share a hardware key only
 * when runner (or instance type), CPU, GPUs, driver and framework all match.
 */
export interface HardwareKey {
  /** The readable facts, e.g. `{ runner: "gpu-a100", cpu: "...", gpu: "1x NVIDIA A100", ... }`. */
  fields: Record<string, string>;
  /** Filesystem-safe, readable prefix plus a short hash of `fields`: `gpu-a100-nvidia-a100-3fa9c2d1`. */
  slug: string;
}

/** One metric of one accepted run. */
export interface BaselineMetricRun {
  /** Over all repetition values, even when `values` was capped. */
  summary: SampleSummary;
  /** Raw repetition values, at most `maxValues` of them. */
  values: number[];
}

/** One accepted run: a succeeded result folded into the baseline. */
export interface BaselineRunRecord {
  resultId: string;
  commit?: string;
  /** When the run started (ISO 8601); runs are kept oldest first by this date. */
  date: string;
  metrics: Record<string, BaselineMetricRun>;
  /**
   * Metrics this run regressed on when it was folded. They stay in the history (trend charts,
   * persistence) but not in the level a comparison uses, so a regression never quietly becomes
   * the new normal: it stays one until fixed or accepted with `maat baseline accept`.
   */
  regressed?: string[];
}

/** An accepted change: the history of `metric` before `fromCommit` no longer counts. */
export interface BaselineReset {
  metric: string;
  fromCommit: string;
  by: string;
  reason: string;
  /** When the reset was accepted (ISO 8601); used to cut when `fromCommit` is not among the runs. */
  date: string;
}

/** The history of accepted runs of one benchmark on one hardware key: one file in `baselines/`. */
export interface Baseline {
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  benchmarkId: string;
  hardware: HardwareKey;
  /**
   * What each metric means, as recorded when its runs were folded: comparisons use this (not the
   * candidate's descriptor), and a candidate whose unit, direction or aggregate differs is
   * `incomparable` until the change is accepted. `aggregate` is absent in older files.
   */
  metrics: Record<string, { unit: string; direction: Direction; aggregate?: Aggregation }>;
  /** The descriptor the newest run came from: its content hash and meaning-bearing fields (see descriptorFields). */
  descriptor?: { contentHash: string; fields: Record<string, string> };
  resets: BaselineReset[];
  /** Oldest first. */
  runs: BaselineRunRecord[];
}

/** Where compare finds baselines: every hardware key's baseline of a benchmark. */
export interface BaselineStore {
  baselines(benchmarkId: string): Baseline[];
}
