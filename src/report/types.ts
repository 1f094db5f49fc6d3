import type { ComparisonReport } from "../compare/types.js";
import type { ResultReceipt } from "../results/receipt-types.js";

/** One point of a metric's history: a short commit or a date, and the run's mean. */
export interface TrendPoint {
  label: string;
  value: number;
}

/** Where the full run lives; each link is shown only when given. */
export interface ReportLinks {
  runUrl?: string;
  artifactsUrl?: string;
  /** Where the untruncated report is (the job summary); falls back to `runUrl`. */
  summaryUrl?: string;
}

export interface ReportInput {
  report: ComparisonReport;
  /** The receipts compared; matched to benchmarks by `resultId`. */
  receipts: ResultReceipt[];
  /** Accepted runs of one metric on one hardware key (slug), oldest first; read from the baseline files. */
  history: (benchmarkId: string, hardwareSlug: string, metric: string) => TrendPoint[];
  links: ReportLinks;
  /** Rendered as a heading above the headline when given. */
  title?: string;
}

export interface ReportOptions {
  /** Largest body in UTF-8 bytes; default `PULL_REQUEST_COMMENT_LIMIT`. */
  limit?: number;
}

export interface RenderedReport {
  markdown: string;
  /** True when parts were left out to stay under the limit. */
  truncated: boolean;
}

/**
 * GitHub rejects comment bodies over 65,536 characters; the margin covers the hidden marker
 * line the sticky comment prepends. Sizes are counted in UTF-8 bytes, never fewer than characters.
 */
export const PULL_REQUEST_COMMENT_LIMIT = 60_000;

/** GitHub's job summary takes at most 1 MiB per step. */
export const JOB_SUMMARY_LIMIT = 1_000_000;
