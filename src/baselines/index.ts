/** Baselines: the history of accepted runs per benchmark and hardware key, kept as files in git. */
export { BaselineError } from "./errors.js";
export { baselinePath, readBaselineFile, readBaselines, writeBaselineFile } from "./files.js";
export {
  DEFAULT_MAX_RUNS,
  DEFAULT_MAX_VALUES,
  emptyBaseline,
  type FoldOptions,
  type FoldOutcome,
  foldIntoBaseline,
  refusalReason,
} from "./fold.js";
export { type FoldReport, foldReceipts } from "./fold-receipts.js";
export { hardwareKey } from "./hardware-key.js";
export { parseBaseline } from "./parse.js";
export { type MetricHistory, metricHistory, resetBaseline } from "./reset.js";
export { serializeBaseline } from "./serialize.js";
export { baselineStore, readBaselineStore } from "./store.js";
export * from "./types.js";
