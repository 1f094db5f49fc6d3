import { setFlagsFromString } from "node:v8";

let available: boolean | undefined;
/** V8's flag for the linear-time engine (a variable: linters do not know the flag yet). */
const LINEAR = "l";

/**
 * Whether V8's linear-time regular expression engine (the `l` flag) can be used. It is switched
 * on once per process; with it a metric pattern's matching time grows linearly with the line,
 * so no pattern (`^(a+)+$` and friends) can hang Maat past a run's time limit or Ctrl-C.
 */
export function linearEngineAvailable(): boolean {
  if (available === undefined) {
    try {
      setFlagsFromString("--enable-experimental-regexp-engine");
      available = new RegExp("a", LINEAR).flags.includes(LINEAR);
    } catch {
      available = false;
    }
  }
  return available;
}

/** A metric pattern compiled for matching: linear-time whenever the engine is there. */
export function compileMetricPattern(pattern: string, flags = "g"): RegExp {
  return new RegExp(pattern, linearEngineAvailable() ? `${flags}${LINEAR}` : flags);
}

/**
 * Why a pattern cannot be matched in linear time (backreferences, and some lookarounds and large
 * counted repetitions); undefined when it can, or when the engine is missing.
 */
export function linearPatternProblem(pattern: string): string | undefined {
  if (!linearEngineAvailable()) return undefined;
  try {
    new RegExp(pattern, LINEAR);
    return undefined;
  } catch {
    return "cannot be matched in linear time, so a long log line could hang the run";
  }
}
