import type { ResultReceipt } from "./receipt-types.js";

/**
 * The newest receipt of each benchmark (by start time), in first-seen order, and how many
 * older ones were left out. A results folder keeps every run ever made; "how does my latest
 * run compare" is about the newest one only.
 */
export function newestPerBenchmark(receipts: readonly ResultReceipt[]): {
  newest: ResultReceipt[];
  older: number;
} {
  const newest = new Map<string, ResultReceipt>();
  for (const receipt of receipts) {
    const kept = newest.get(receipt.benchmark.id);
    if (kept === undefined || receipt.startedAt > kept.startedAt) newest.set(receipt.benchmark.id, receipt);
  }
  return { newest: [...newest.values()], older: receipts.length - newest.size };
}
