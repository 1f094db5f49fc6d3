import { isHarnessFormat, STATISTICS } from "../harness/formats.js";
import type { Finding } from "./finding.js";
import type { Table } from "./raw-access.js";

/** A `statistic` must be one its format offers (the schema cannot say which, per format). */
export function checkOutputFiles(files: Array<[Table, number]>, errors: Finding[]): void {
  for (const [file, i] of files) {
    const { format, statistic } = file;
    if (typeof format !== "string" || !isHarnessFormat(format) || typeof statistic !== "string") continue;
    const offered = STATISTICS[format];
    if (offered.includes(statistic)) continue;
    errors.push({
      path: ["output", "files", i, "statistic"],
      anchor: "value",
      message:
        offered.length === 0
          ? `${format} files have no statistic to choose (got "${statistic}")`
          : `must be one of ${offered.join(", ")} for ${format} files (got "${statistic}")`,
      hint:
        offered.length === 0
          ? "remove statistic from this [[output.files]] entry"
          : `the default is ${offered[0]}`,
    });
  }
}
