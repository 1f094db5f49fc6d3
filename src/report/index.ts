/** The report: the pull request comment and the job summary, rendered from a comparison. */
export { renderReceiptDetails } from "./receipt-details.js";
export { renderReport } from "./render-report.js";
export { runFailed, summaryLine } from "./summary-line.js";
export { renderTrendChart } from "./trend-chart.js";
export * from "./types.js";
