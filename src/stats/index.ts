// The statistics core: pure functions, no I/O. See docs/statistics.md for every rule and default.
export * from "./changepoints/index.js";
export { compareMetrics } from "./compare.js";
export { comparisonsToConfirm, needsConfirmation } from "./confirmation.js";
export { formatPercent, formatRelativeChange } from "./format.js";
export { DEFAULT_POLICY, resolvePolicy } from "./policy.js";
export { precisionReached } from "./precision.js";
export { summarize } from "./summary.js";
export type * from "./types.js";
