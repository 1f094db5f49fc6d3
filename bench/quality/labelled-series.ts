// Labelled series for `npm run bench:quality`: the record format of shared/dev-series (one JSON
// object per line: id, source, values, change_points = first index of each new regime, domain).
import { existsSync, readFileSync } from "node:fs";

export interface LabelledSeries {
  id: string;
  /** Where it comes from, for the per-source rows ("nab", "synthetic/steps", ...). */
  source: string;
  values: number[];
  changePoints: number[];
  domain: string;
}

/** Reads a JSONL set; [] when the file is absent (the shared development set is optional). */
export function readLabelledSeries(path: string): LabelledSeries[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const record = JSON.parse(line) as {
        id: string;
        source?: string;
        values: number[];
        change_points: number[];
        domain?: string;
      };
      return {
        id: record.id,
        source: sourceOf(record.id, record.source),
        values: record.values,
        changePoints: record.change_points,
        domain: record.domain ?? "unknown",
      };
    });
}

/** "nab/rds_cpu..." -> "nab"; a record's own short source name wins when it has no slash. */
function sourceOf(id: string, source: string | undefined): string {
  const prefix = id.split("/")[0]!;
  return prefix !== id ? prefix : (source ?? "unknown");
}
