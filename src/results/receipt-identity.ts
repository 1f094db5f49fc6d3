import type { Descriptor } from "../descriptor/types.js";
import { MAAT_VERSION } from "../version.js";
import { RECEIPT_VERSION, type ResultReceipt } from "./receipt-types.js";

/** The fields that say what a receipt is and which benchmark it measured, alike for runs and imports. */
export function receiptIdentity(
  descriptor: Descriptor,
  resultId: string,
): Pick<ResultReceipt, "receiptVersion" | "resultId" | "tool" | "benchmark" | "descriptor"> {
  return {
    receiptVersion: RECEIPT_VERSION,
    resultId,
    tool: { name: "maat", version: MAAT_VERSION },
    benchmark: {
      id: descriptor.id,
      path: descriptor.path,
      taskName: descriptor.info.taskName,
      contentHash: descriptor.contentHash,
    },
    descriptor,
  };
}
