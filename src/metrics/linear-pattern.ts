import { builtinModule } from "../builtin-module.js";

let available: boolean | undefined;
/** V8's flag for the linear-time engine (a variable: linters do not know the flag yet). */
const LINEAR = "l";

/**
 * Whether V8's linear-time regular expression engine can be used. It is switched on once per
 * process, as the fallback of the usual backtracking engine: a match runs at full speed until it
 * backtracks excessively (`^(a+)+$` and friends), then finishes on the linear-time engine, so no
 * pattern can hang Maat past a run's time limit or Ctrl-C, and ordinary patterns lose nothing
 * (always matching on the linear engine made log extraction ten times slower).
 */
export function linearEngineAvailable(): boolean {
  if (available === undefined) {
    try {
      const { setFlagsFromString } = builtinModule("node:v8");
      setFlagsFromString("--enable-experimental-regexp-engine");
      setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");
      available = new RegExp("a", LINEAR).flags.includes(LINEAR);
    } catch {
      available = false;
    }
  }
  return available;
}

/** A metric pattern compiled for matching, after the linear-time fallback is switched on. */
export function compileMetricPattern(pattern: string, flags = "g"): RegExp {
  linearEngineAvailable();
  return new RegExp(pattern, flags);
}

/**
 * Characters, escapes other than backreferences and word boundaries, character classes,
 * capturing and (?:) groups, alternation, anchors and the * + ? quantifiers: what V8's
 * linear-time engine has handled since it first shipped.
 */
const PLAINLY_LINEAR = /^(?:[^\\([{}]|\\[^1-9kbB]|\((?:\?:|(?!\?))|\[(?:[^\\\]]|\\[\s\S])*\])*$/;

/**
 * Whether a pattern is made only of what the linear-time engine always handles. Such a pattern
 * needs no question to the engine, whose flag needs node:v8, which loads Node's stream modules:
 * a tenth of what validating a descriptor costs. A property test holds it to the engine.
 */
export function plainlyLinear(pattern: string): boolean {
  return PLAINLY_LINEAR.test(pattern);
}

/**
 * Why a pattern cannot be matched in linear time (backreferences, and some lookarounds and large
 * counted repetitions); undefined when it can, or when the engine is missing.
 */
export function linearPatternProblem(pattern: string): string | undefined {
  if (plainlyLinear(pattern) || !linearEngineAvailable()) return undefined;
  try {
    new RegExp(pattern, LINEAR);
    return undefined;
  } catch {
    return "cannot be matched in linear time, so a long log line could hang the run";
  }
}
