import type { Descriptor } from "../../../descriptor/types.js";
import { DEFAULT_TTL_SECONDS_AFTER_FINISHED, type RenderOptions } from "./types.js";

/** Deadline, retries and cleanup shared by Jobs and the Kubeflow jobs' `runPolicy`. */
export interface RunLimits {
  activeDeadlineSeconds?: number;
  backoffLimit: number;
  ttlSecondsAfterFinished: number;
}

export function runLimits(descriptor: Descriptor, options: RenderOptions): RunLimits {
  const timeoutMs = descriptor.run.timeoutMs;
  return {
    ...(timeoutMs === undefined ? {} : { activeDeadlineSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)) }),
    // A failed benchmark must fail the run, not be retried behind the user's back.
    backoffLimit: options.backoffLimit ?? 0,
    ttlSecondsAfterFinished: options.ttlSecondsAfterFinished ?? DEFAULT_TTL_SECONDS_AFTER_FINISHED,
  };
}
