import {
  BASELINE_SCHEMA_VERSION,
  type Baseline,
  type BaselineMetricRun,
  type BaselineReset,
  type BaselineRunRecord,
} from "./types.js";

/** A metric of a run in the file: its values, or (values capped) its summary and kept values. */
type StoredMetricRun = number[] | BaselineMetricRun;
type StoredRunRecord = Omit<BaselineRunRecord, "metrics"> & { metrics: Record<string, StoredMetricRun> };

/**
 * Writes a baseline as JSON that diffs well: header fields pretty-printed, then one
 * line per reset and per run, every object's keys in a fixed order. Adding a run to a
 * file changes one line (two with the comma), so `git diff` of an update stays readable.
 */
export function serializeBaseline(baseline: Baseline): string {
  const header = {
    schemaVersion: BASELINE_SCHEMA_VERSION,
    benchmarkId: baseline.benchmarkId,
    hardware: { slug: baseline.hardware.slug, fields: sortedRecord(baseline.hardware.fields) },
    metrics: sortedRecord(
      Object.fromEntries(
        Object.entries(baseline.metrics).map(([name, m]) => [
          name,
          {
            unit: m.unit,
            direction: m.direction,
            ...(m.aggregate === undefined ? {} : { aggregate: m.aggregate }),
          },
        ]),
      ),
    ),
    ...(baseline.descriptor === undefined
      ? {}
      : {
          descriptor: {
            contentHash: baseline.descriptor.contentHash,
            fields: sortedRecord(baseline.descriptor.fields),
          },
        }),
  };
  const lines = ["{"];
  for (const [key, value] of Object.entries(header)) {
    lines.push(`  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2))},`);
  }
  lines.push(...arrayLines("resets", baseline.resets.map(canonicalReset), ","));
  lines.push(...arrayLines("runs", baseline.runs.map(canonicalRun), ""));
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function arrayLines(key: string, items: object[], trailer: string): string[] {
  if (items.length === 0) return [`  ${JSON.stringify(key)}: []${trailer}`];
  const body = items.map((item, i) => `    ${JSON.stringify(item)}${i < items.length - 1 ? "," : ""}`);
  return [`  ${JSON.stringify(key)}: [`, ...body, `  ]${trailer}`];
}

function canonicalReset(reset: BaselineReset): BaselineReset {
  const { metric, fromCommit, by, reason, date } = reset;
  return { metric, fromCommit, by, reason, date };
}

/**
 * A run as it is written. A metric whose values are all kept is written as those values alone
 * (its summary is derived from them on read); only capped values keep their summary beside them.
 */
function canonicalRun(run: BaselineRunRecord): StoredRunRecord {
  const metrics: Record<string, StoredMetricRun> = {};
  for (const name of Object.keys(run.metrics).sort()) {
    const { summary, values } = run.metrics[name]!;
    const { n, mean, median, stddev, mad, min, max } = summary;
    if (n === values.length) {
      metrics[name] = values.map(stored);
      continue;
    }
    metrics[name] = {
      summary: {
        n,
        mean: stored(mean),
        median: stored(median),
        stddev: stored(stddev),
        mad: stored(mad),
        min: stored(min),
        max: stored(max),
      },
      values: values.map(stored),
    };
  }
  return {
    resultId: run.resultId,
    ...(run.commit === undefined ? {} : { commit: run.commit }),
    date: run.date,
    metrics,
    ...(run.regressed?.length ? { regressed: [...run.regressed].sort() } : {}),
  };
}

/**
 * Numbers are stored with 10 significant digits: far beyond any benchmark's own precision,
 * and about half the bytes of a full double, so long histories stay quick to read and diff.
 */
function stored(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(10)) : value;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function indent(text: string): string {
  return text.replace(/\n/g, "\n  ");
}
