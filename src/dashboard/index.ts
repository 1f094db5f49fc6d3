/** The static dashboard: history pages with charts, built from baselines and receipts. */
export { type BuildSiteOptions, type BuiltSite, buildSite, copyReceiptsIntoSite } from "./build-site.js";
export { baselinesSource, type HistorySource, type LinkedReceipt, withReceipts } from "./history-source.js";
export type * from "./page-data.js";
