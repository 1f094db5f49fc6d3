import type { RunSettings } from "../descriptor/types.js";

/** Command-line (or action input) overrides of a descriptor's `[run]` settings. */
export interface RunOverrides {
  repetitions?: number | "auto";
  warmup?: number;
  timeoutMs?: number;
}

export interface EffectiveRunSettings {
  repetitions: number | "auto";
  warmup: number;
  timeoutMs: number | undefined;
  maxRepetitions: number;
  targetPrecision: number;
}

/**
 * A repetition without any time limit could hang a CI job for hours; when neither the
 * descriptor nor the command line sets one, this applies.
 */
export const DEFAULT_TIMEOUT_MS = 2 * 60 * 60 * 1000;

export function resolveRunSettings(run: RunSettings, overrides: RunOverrides = {}): EffectiveRunSettings {
  return {
    repetitions: overrides.repetitions ?? run.repetitions,
    warmup: overrides.warmup ?? run.warmup,
    timeoutMs: overrides.timeoutMs ?? run.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRepetitions: run.maxRepetitions,
    targetPrecision: run.targetPrecision,
  };
}
