import { summarize } from "../stats/summary.js";
import type { SampleSummary } from "../stats/types.js";
import { BaselineError } from "./errors.js";
import { BASELINE_SCHEMA_VERSION, type Baseline } from "./types.js";

/**
 * Parses and checks the text of a baseline file. Every problem found is listed in one
 * error naming the file, so a hand-edited or merge-conflicted file is easy to repair.
 */
export function parseBaseline(text: string, file: string, options: ParseBaselineOptions = {}): Baseline {
  let data: unknown;
  try {
    data =
      (options.recentRuns !== undefined && parseRecentRuns(text, options.recentRuns)) || JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`baseline file ${file} is not valid JSON: ${(error as Error).message}`, {
      file,
      hint: "Fix the file by hand (a merge conflict marker, say) or restore it with 'git checkout -- <file>'.",
      cause: error,
    });
  }
  const problems = baselineProblems(data);
  if (problems.length > 0) {
    throw new BaselineError(`baseline file ${file} is malformed: ${problems.join("; ")}`, {
      file,
      hint: "Baseline files are written by 'maat baseline update'; restore the file from git history.",
    });
  }
  return data as Baseline;
}

export interface ParseBaselineOptions {
  /**
   * Keep only the newest N runs. Comparisons look at a recent window only, and a long history
   * of many metrics is most of the file: with the one-run-per-line layout the older run lines
   * are skipped without being parsed. A baseline read this way must never be written back.
   */
  recentRuns?: number;
}

/** The fast path of `recentRuns`; undefined when the text is not in the serializer's layout. */
function parseRecentRuns(text: string, recentRuns: number): unknown {
  try {
    return parseRunLines(text, recentRuns);
  } catch {
    return undefined;
  }
}

function parseRunLines(text: string, recentRuns: number): unknown {
  const marker = '\n  "runs": [\n';
  const open = text.indexOf(marker);
  const close = text.lastIndexOf("\n  ]\n}");
  if (open === -1 || close === -1 || close < open) return undefined;
  const header = JSON.parse(`${text.slice(0, open)}\n  "runs": []\n}`) as Record<string, unknown>;
  // One run per line, each but the last ending with a comma: the newest lines, in brackets, are a
  // JSON array, parsed in one call without splitting the text into lines.
  let start = close;
  for (let kept = 0; kept < recentRuns && start > open; kept++) start = text.lastIndexOf("\n", start - 1);
  start = Math.max(start, open + marker.length - 1);
  header.runs = JSON.parse(`[${text.slice(start + 1, close)}]`);
  return header;
}

function baselineProblems(data: unknown): string[] {
  if (!isObject(data)) return ["the top level is not an object"];
  const problems: string[] = [];
  const version = data.schemaVersion;
  if (version !== 1 && version !== BASELINE_SCHEMA_VERSION) {
    problems.push(
      `schemaVersion is ${JSON.stringify(version)}, expected 1 or ${BASELINE_SCHEMA_VERSION} (a newer maat wrote it?)`,
    );
  }
  if (typeof data.benchmarkId !== "string") problems.push("benchmarkId is not a string");
  if (!isObject(data.hardware) || typeof data.hardware.slug !== "string" || !isObject(data.hardware.fields)) {
    problems.push("hardware must have a slug and fields");
  }
  if (!isObject(data.metrics)) problems.push("metrics is not an object");
  if (!Array.isArray(data.resets)) problems.push("resets is not an array");
  else {
    data.resets.forEach((reset, i) => {
      if (!isObject(reset) || !["metric", "fromCommit", "date"].every((k) => typeof reset[k] === "string")) {
        problems.push(`resets[${i}] needs metric, fromCommit and date`);
      }
    });
  }
  if (!Array.isArray(data.runs)) problems.push("runs is not an array");
  else {
    for (const [i, run] of data.runs.entries()) problems.push(...runProblems(run, i, version === 1));
  }
  // Read in memory as the current version: written back, a version 1 file is upgraded.
  if (problems.length === 0) data.schemaVersion = BASELINE_SCHEMA_VERSION;
  return problems;
}

/** Checks a run, turning each metric stored as bare values into its summary and values. */
function runProblems(run: unknown, i: number, version1: boolean): string[] {
  if (!isObject(run)) return [`runs[${i}] is not an object`];
  const problems: string[] = [];
  if (typeof run.resultId !== "string") problems.push(`runs[${i}].resultId is not a string`);
  if (typeof run.date !== "string") problems.push(`runs[${i}].date is not a string`);
  if (
    run.regressed !== undefined &&
    !(Array.isArray(run.regressed) && run.regressed.every((m) => typeof m === "string"))
  ) {
    problems.push(`runs[${i}].regressed must be a list of metric names`);
  }
  if (!isObject(run.metrics)) return [...problems, `runs[${i}].metrics is not an object`];
  const metrics = run.metrics;
  // for...in, not Object.entries: a window is tens of thousands of metric runs.
  for (const name in metrics) {
    const metric = metrics[name];
    if (Array.isArray(metric) && !version1) {
      const bad = valuesProblem(metric);
      if (bad === undefined) metrics[name] = { summary: summarize(metric), values: metric };
      else problems.push(`runs[${i}] (${String(run.resultId)}).metrics.${name} ${bad}`);
    } else
      problems.push(...metricRunProblems(metric, `runs[${i}] (${String(run.resultId)}).metrics.${name}`));
  }
  return problems;
}

const SUMMARY_FIELDS = ["n", "mean", "median", "stddev", "mad", "min", "max"] as const;

/**
 * A metric of a run must be what 'maat baseline update' wrote: finite numbers, and a summary that
 * agrees with its values (recomputed), so a hand-edited mean cannot hide a regression.
 */
function metricRunProblems(metric: unknown, at: string): string[] {
  if (!isObject(metric) || !isObject(metric.summary) || !Array.isArray(metric.values)) {
    return [`${at} needs a summary and values`];
  }
  const values = metric.values;
  const bad = valuesProblem(values);
  if (bad !== undefined) return [`${at}.values ${bad}`];
  const summary = metric.summary;
  const notFinite = SUMMARY_FIELDS.filter(
    (k) => typeof summary[k] !== "number" || !Number.isFinite(summary[k]),
  );
  if (notFinite.length > 0) return [`${at}.summary.${notFinite.join(", ")} must be finite numbers`];
  const s = summary as unknown as SampleSummary;
  if (!Number.isInteger(s.n) || s.n < values.length)
    return [`${at}.summary.n (${s.n}) is less than its ${values.length} values`];
  if (s.n === values.length) {
    // Every value is kept: the summary must be the values' own (10 significant digits stored).
    const expected = summarize(values as number[]);
    // Values are stored with 10 significant digits: allow that rounding, relative to their scale.
    const scale = Math.max(...(values as number[]).map(Math.abs));
    const off = SUMMARY_FIELDS.filter((k) => !close(s[k], expected[k], scale));
    if (off.length > 0) {
      return [
        `${at}.summary does not match its values (${off.map((k) => `${k} ${s[k]}, values give ${stored(expected[k])}`).join("; ")})`,
      ];
    }
    return [];
  }
  // Values were capped: what is kept must lie within the summary's range, and the mean too.
  const outside = (values as number[]).some((v) => !within(v, s.min, s.max));
  if (outside || !within(s.mean, s.min, s.max) || !within(s.median, s.min, s.max)) {
    return [`${at}.summary (min ${s.min}, mean ${s.mean}, max ${s.max}) does not agree with its values`];
  }
  return [];
}

/** What is wrong with a list of values ("is empty", ...), or undefined: non-empty, finite numbers. */
function valuesProblem(values: unknown[]): string | undefined {
  if (values.length === 0) return "is empty";
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v))
      return `must be finite numbers (found ${JSON.stringify(v)})`;
  }
  return undefined;
}

function close(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-7 * (scale + Math.abs(b)) + 1e-12;
}

function within(v: number, min: number, max: number): boolean {
  return v >= min - 1e-8 * Math.abs(min) && v <= max + 1e-8 * Math.abs(max);
}

function stored(v: number): number {
  return Number(v.toPrecision(10));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
