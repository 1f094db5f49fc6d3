import { emptyBaseline, foldIntoBaseline } from "../../src/baselines/fold.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import type { Baseline } from "../../src/baselines/types.js";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { makeReceipt, noisyValues, type ReceiptOverrides } from "../fixtures/receipts/make-receipt.js";

/** Nightly receipts of steady throughput (~2840 img/s) and epoch time (~450 s) with relative noise. */
export function steadyReceipts(
  count: number,
  noise = 0.01,
  overrides: ReceiptOverrides = {},
): ResultReceipt[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2024, 3, 1 + i, 3)).toISOString();
    return makeReceipt({
      ...overrides,
      resultId: `resnet50-training/${day.slice(0, 10)}-${String(i).padStart(7, "0")}`,
      commit: `${String(i).padStart(7, "0")}${"e".repeat(33)}`,
      startedAt: day,
      values: {
        throughput: noisyValues(2840, noise, 5, 100 + i),
        epoch_time: noisyValues(450, noise, 5, 500 + i),
      },
    });
  });
}

/** A baseline holding the given receipts, folded in order. */
export function baselineOf(receipts: readonly ResultReceipt[]): Baseline {
  let baseline = emptyBaseline(receipts[0]!.benchmark.id, hardwareKey(receipts[0]!));
  for (const receipt of receipts) baseline = foldIntoBaseline(baseline, receipt).baseline;
  return baseline;
}

/** A candidate run: throughput at `factor` times the steady level, epoch time steady. */
export function candidateAt(factor: number, overrides: ReceiptOverrides = {}, noise = 0.01): ResultReceipt {
  return makeReceipt({
    resultId: "resnet50-training/2024-06-01-candidate",
    commit: "c4nd1d4te0000000000000000000000000000000",
    startedAt: "2024-06-01T03:00:00.000Z",
    ...overrides,
    values: {
      throughput: noisyValues(2840 * factor, noise, 5, 9001),
      epoch_time: noisyValues(450, noise, 5, 9002),
    },
  });
}
