import type { HarnessFormat } from "../harness/types.js";
import type { Table } from "./raw-access.js";
import type { OutputFile } from "./types.js";

/** `[[output.files]]` entries that passed validation; optional fields stay absent when unset. */
export function normalizeOutputFiles(raw: Array<[Table, number]>): OutputFile[] {
  return raw.map(([file]) => {
    const entry: OutputFile = { path: String(file.path), format: String(file.format) as HarnessFormat };
    if (typeof file.statistic === "string") entry.statistic = file.statistic;
    if (typeof file.prefix === "string") entry.prefix = file.prefix;
    return entry;
  });
}
