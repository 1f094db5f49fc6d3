import { finiteNumber, isObject, type JsonObject, mean } from "./json-input.js";
import { harnessMetricName } from "./metric-name.js";
import type { HarnessMetric, HarnessResult, ParseOptions } from "./types.js";

const MARKER = ":::MLLOG ";
/** tracked_stats fields that count steps, not performance. */
const COUNTERS = new Set(["epoch_num", "step", "samples_count", "epoch_count"]);

interface Event {
  key: string;
  timeMs: number | undefined;
  value: unknown;
  metadata: JsonObject;
}

/**
 * MLPerf logging output: `:::MLLOG {json}` lines, anywhere in a line (rank prefixes such as
 * `0: ` and other output are skipped). Gives `time_to_train` in minutes from `run_start` to
 * `run_stop` (no value when the run stopped with a status other than success, or never
 * stopped), `eval_accuracy` (the last evaluation; all of them as the series) and, from
 * `tracked_stats`, `throughput` in samples/s and any other numeric field (their mean over the run).
 */
export function parseMlperfLog(text: string, _options: ParseOptions): HarnessResult {
  const notes: string[] = [];
  let malformed = 0;
  const events: Event[] = [];
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(MARKER);
    if (at < 0) continue;
    try {
      const record: unknown = JSON.parse(line.slice(at + MARKER.length));
      if (!isObject(record) || typeof record.key !== "string") throw new Error("no key");
      events.push({
        key: record.key,
        timeMs: finiteNumber(record.time_ms),
        value: record.value,
        metadata: isObject(record.metadata) ? record.metadata : {},
      });
    } catch {
      malformed++;
    }
  }
  if (malformed > 0) notes.push(`${malformed} :::MLLOG line(s) are not valid JSON records and were skipped`);
  const metrics: HarnessMetric[] = [timeToTrain(events)];
  const accuracy = events.filter((e) => e.key === "eval_accuracy").map((e) => finiteNumber(e.value));
  const accuracies = accuracy.filter((v): v is number => v !== undefined);
  if (accuracies.length > 0) {
    metrics.push({
      name: "eval_accuracy",
      unit: "",
      direction: "higher_is_better",
      value: accuracies.at(-1)!,
      series: accuracies,
    });
  }
  metrics.push(...trackedStats(events));
  return { metrics, notes };
}

function timeToTrain(events: Event[]): HarnessMetric {
  const start = events.find((e) => e.key === "run_start");
  const stop = events.findLast((e) => e.key === "run_stop");
  const metric: HarnessMetric = {
    name: "time_to_train",
    unit: "min",
    direction: "lower_is_better",
    value: null,
    series: [],
  };
  const status = stop === undefined ? undefined : String(stop.metadata.status ?? "success");
  if (start?.timeMs === undefined || stop?.timeMs === undefined) {
    const missing = start === undefined ? "run_start" : "run_stop";
    return { ...metric, problem: { kind: "missing", detail: `the log has no ${missing} event with a time` } };
  }
  if (status !== "success") {
    return {
      ...metric,
      problem: { kind: "missing", detail: `run_stop has status "${status}", not success` },
    };
  }
  const minutes = (stop.timeMs - start.timeMs) / 60_000;
  return { ...metric, value: minutes, series: [minutes] };
}

/** Every numeric field of `tracked_stats` values, and POINT_IN_TIME `throughput` keys. */
function trackedStats(events: Event[]): HarnessMetric[] {
  const fields = new Map<string, number[]>();
  const add = (field: string, value: unknown) => {
    const number = finiteNumber(value);
    if (number === undefined || COUNTERS.has(field)) return;
    fields.set(field, [...(fields.get(field) ?? []), number]);
  };
  for (const event of events) {
    if (event.key === "tracked_stats" && isObject(event.value)) {
      for (const [field, value] of Object.entries(event.value)) add(field, value);
    } else if (event.key === "throughput" || event.key.endsWith("_throughput")) {
      add(event.key, event.value);
    }
  }
  return [...fields].map(([field, values]) => {
    const isThroughput = field === "throughput" || field.endsWith("_throughput");
    return {
      name: harnessMetricName(field),
      unit: isThroughput ? "samples/s" : "",
      direction: isThroughput ? "higher_is_better" : "unknown",
      value: mean(values),
      series: values,
    };
  });
}
