import { MaatError } from "../errors.js";

/** One thing wrong (or worth a warning) in a descriptor, pointing at the user's line. */
export interface DescriptorProblem {
  /** The descriptor file as the caller named it. */
  file: string;
  /** 1-based line of the offending value (of the key for unknown keys, of the table header for missing fields). */
  line: number;
  /** 1-based column. */
  column: number;
  /** Dotted field path, with array indexes: `output.metrics[1].pattern`. Empty for TOML syntax errors. */
  field: string;
  /** What is wrong and how to fix it, in one sentence. */
  message: string;
  /** An extra suggestion, shown on its own line. */
  hint?: string;
}

/**
 * Renders a problem the way compilers do, so editors and GitHub annotations can jump to it.
 *
 * @example
 * formatProblem(p) // "benchmarks/resnet/descriptor.toml:14:12: hardware.strategy: must be one of ..."
 * formatProblem(w, "warning") // "benchmarks/x.toml:20:1: warning: output.metrics[0].direction: ..."
 */
export function formatProblem(problem: DescriptorProblem, severity: "error" | "warning" = "error"): string {
  const where = `${problem.file}:${problem.line}:${problem.column}:`;
  const prefix = severity === "warning" ? `${where} warning:` : where;
  const field = problem.field === "" ? "" : ` ${problem.field}:`;
  const hint = problem.hint === undefined ? "" : `\n  hint: ${problem.hint}`;
  return `${prefix}${field} ${problem.message}${hint}`;
}

/** A descriptor that cannot be used: carries every problem found in it, not just the first. */
export class DescriptorError extends MaatError {
  readonly file: string;
  readonly problems: DescriptorProblem[];

  constructor(file: string, problems: DescriptorProblem[], options: { hint?: string; cause?: unknown } = {}) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const lines = problems.map((p) => `  ${formatProblem(p)}`).join("\n");
    super(`descriptor ${file} is invalid (${count}):\n${lines}`, {
      hint: options.hint ?? "fix the fields above; 'maat validate' checks every descriptor at once",
      exitCode: 2,
      cause: options.cause,
    });
    this.file = file;
    this.problems = problems;
  }
}
