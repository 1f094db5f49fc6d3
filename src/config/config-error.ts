import { MaatError } from "../errors.js";
import type { ConfigProblem } from "./types.js";

/** A `maat.toml` that cannot be used; carries every problem found, each with its position. */
export class ConfigError extends MaatError {
  readonly file: string;
  readonly problems: ConfigProblem[];

  constructor(file: string, problems: ConfigProblem[], options: { cause?: unknown } = {}) {
    const lines = problems.map(formatConfigProblem);
    super(`${file} is not a valid Maat config:\n${lines.map((l) => `  ${l}`).join("\n")}`, {
      hint: problems.find((p) => p.hint)?.hint ?? "See docs/config.md for every key and its default.",
      exitCode: 2,
      cause: options.cause,
    });
    this.file = file;
    this.problems = problems;
  }
}

/** "maat.toml:3:1: runners.rules[0].runs_on: must NOT have fewer than 1 items" */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where =
    problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const field = problem.field === "" ? "" : `${problem.field}: `;
  const hint = problem.hint === undefined ? "" : ` (${problem.hint})`;
  return `${where}: ${field}${problem.message}${hint}`;
}
