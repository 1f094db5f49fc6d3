import type { RepositoryConfig } from "../config/types.js";
import type { ComparisonPolicy } from "../stats/types.js";

/** The gate settings the repository config sets; the rest stay the statistics defaults. */
export function policyFromConfig(config: RepositoryConfig): Partial<ComparisonPolicy> {
  const { sigma, minEffect, fdr, minBaselineRuns } = config.compare;
  return {
    ...(sigma === undefined ? {} : { sigma }),
    ...(minEffect === undefined ? {} : { minEffect }),
    ...(fdr === undefined ? {} : { fdr }),
    ...(minBaselineRuns === undefined ? {} : { minBaselineRuns }),
  };
}
