import { formatFieldPath, type Segment } from "./field-path.js";
import type { DescriptorProblem } from "./problem.js";
import type { Locator } from "./read-toml.js";
import type { Anchor } from "./source-map.js";

/** A problem found on the parsed data, before it is placed on a line of the file. */
export interface Finding {
  path: Segment[];
  /** What to point at: the value (wrong values), the key (unknown keys), the table header (missing fields). */
  anchor: Anchor;
  message: string;
  hint?: string;
}

export function placeFinding(finding: Finding, file: string, sourceMap: Locator): DescriptorProblem {
  const { line, column } = sourceMap.locate(finding.path, finding.anchor);
  const problem: DescriptorProblem = {
    file,
    line,
    column,
    field: formatFieldPath(finding.path),
    message: finding.message,
  };
  if (finding.hint !== undefined) problem.hint = finding.hint;
  return problem;
}
