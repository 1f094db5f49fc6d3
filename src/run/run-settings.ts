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

/**
 * The settings a run uses: the command line (or action input) first, then what the descriptor
 * writes, then the repository config's `[run]` defaults, then the format's own defaults.
 */
export function resolveRunSettings(
  run: RunSettings,
  overrides: RunOverrides = {},
  repositoryDefaults: RunOverrides = {},
): EffectiveRunSettings {
  const unset = new Set(run.defaulted ?? []);
  const fromRepository = <T>(key: "repetitions" | "warmup" | "timeout", value: T | undefined) =>
    unset.has(key) ? value : undefined;
  return {
    repetitions:
      overrides.repetitions ??
      fromRepository("repetitions", repositoryDefaults.repetitions) ??
      run.repetitions,
    warmup: overrides.warmup ?? fromRepository("warmup", repositoryDefaults.warmup) ?? run.warmup,
    timeoutMs:
      overrides.timeoutMs ??
      run.timeoutMs ??
      fromRepository("timeout", repositoryDefaults.timeoutMs) ??
      DEFAULT_TIMEOUT_MS,
    maxRepetitions: run.maxRepetitions,
    targetPrecision: run.targetPrecision,
  };
}
