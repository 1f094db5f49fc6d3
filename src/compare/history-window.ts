import { DEFAULT_POLICY } from "../stats/policy.js";
import type { ComparisonPolicy } from "../stats/types.js";

/** Trend charts in reports show at most this many accepted runs. */
export const TREND_CHART_RUNS = 30;

/**
 * How many of a baseline's newest runs a comparison can use: the statistics window and the
 * trend chart. Older runs need not be read at all (see `readBaselineStore`'s `recentRuns`).
 */
export function historyRunsNeeded(policy: Partial<ComparisonPolicy> = {}): number {
  return Math.max(policy.window ?? DEFAULT_POLICY.window, TREND_CHART_RUNS);
}
