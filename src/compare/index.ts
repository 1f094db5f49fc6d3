/** Comparing result receipts with their baselines, and rendering the verdicts. */
export { compareReceipts } from "./compare-receipts.js";
export { suspectBenchmarks } from "./confirm.js";
export { formatNumber } from "./format-number.js";
export { candidateFailure, metricInputs } from "./inputs.js";
export { mergeReceipts } from "./merge-receipts.js";
export { renderBaseline } from "./render-baseline.js";
export { renderComparisonMarkdown } from "./render-markdown.js";
export { renderComparisonTable } from "./render-table.js";
export { type ComparisonRow, comparisonRows, describeTotals } from "./rows.js";
export * from "./types.js";
