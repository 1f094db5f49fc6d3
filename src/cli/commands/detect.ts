import { resolve } from "node:path";
import type { Direction } from "../../descriptor/types.js";
import { MaatError, UsageError } from "../../errors.js";
import { FileReadProblem, MAX_JSON_BYTES, readRegularTextFile } from "../../read-regular-file.js";
import {
  type ChangePoint,
  DEFAULT_REPLAY_OPTIONS,
  detectChangePoints,
  findOutliers,
  replayGate,
} from "../../stats/changepoints/index.js";
import { formatPercent } from "../../stats/format.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";

const DIRECTIONS: readonly Direction[] = ["higher_is_better", "lower_is_better", "unknown"];

const HELP = `maat detect <file> [--direction higher_is_better|lower_is_better] [--gate [--persistence N]] [--json]

Finds the points where a metric's history changed level (change points), or with --gate
replays the pull-request gate over it, point by point. Informational: exits 0 whatever it finds.

Input: a JSON array of numbers (or of arrays: the repetitions of one run), or
{"values": [...], "direction": "lower_is_better"}, or a text/CSV file with one number per
line (several numbers on a line are that run's repetitions; a header line is skipped).

Options:
  --direction  Which way is better; overrides the file. Absent: changes are "shift"s.
  --gate       Replay the gate: each point judged only from the points before it; an alert
               needs 4 changed points in a row that the change-point fit confirms as a step,
               or --persistence changed points in a row regardless (default 6, the same as
               maat.toml's compare.persistence). index = the point that raised it.
  --json       {"change_points": [{"index", "before", "after", "relative_change", "p_value", "kind"}]}

Examples:
  maat detect throughput.json --direction higher_is_better
  maat detect latency.csv --gate --json
  maat detect latency.csv --gate --persistence 3`;

interface DetectInput {
  series: number[][];
  direction: Direction;
}

export const detectCommand: Command = {
  name: "detect",
  help: HELP,
  async run(context: CommandContext): Promise<number> {
    const { values, positionals } = parseFlags(context.argv);
    const file = positionals[0];
    if (file === undefined || positionals.length > 1) {
      throw new UsageError("detect takes exactly one file", {
        hint: "maat detect <file> [--direction ...] [--gate] [--json]",
      });
    }
    const flagDirection = values.direction as string | undefined;
    if (flagDirection !== undefined && !DIRECTIONS.includes(flagDirection as Direction)) {
      throw new UsageError(`--direction must be one of ${DIRECTIONS.join(", ")}, got "${flagDirection}"`);
    }
    const input = parseSeries(await readInput(resolve(context.cwd, file), file), file);
    const direction = (flagDirection as Direction | undefined) ?? input.direction;
    const persistence = persistenceFlag(values.persistence as string | undefined);
    const points = values.gate
      ? replayGate(input.series, { direction, persistence })
      : detectChangePoints(input.series, { direction });
    if (values.json) {
      context.stdout.write(`${JSON.stringify({ change_points: points.map(toJson) }, null, 2)}\n`);
    } else {
      context.stdout.write(
        renderText(input.series, points, direction, values.gate === true ? persistence : undefined),
      );
    }
    return 0;
  },
};

function parseFlags(argv: string[]) {
  return parseCommandArgs("detect", argv, {
    direction: { type: "string" },
    gate: { type: "boolean" },
    persistence: { type: "string" },
    json: { type: "boolean" },
  });
}

async function readInput(path: string, shown: string): Promise<string> {
  try {
    return await readRegularTextFile(path, MAX_JSON_BYTES);
  } catch (error) {
    const why = error instanceof FileReadProblem ? error.message.slice(path.length + 1) : String(error);
    throw new MaatError(`cannot read ${shown}: ${why}`, {
      hint: "pass the path of a JSON, text or CSV file with one value per run",
      cause: error,
    });
  }
}

/** Reads a series from JSON (array or {values, direction}) or from text/CSV lines. */
export function parseSeries(text: string, file: string): DetectInput {
  const trimmed = text.trim();
  const series =
    trimmed.startsWith("[") || trimmed.startsWith("{")
      ? parseJsonSeries(trimmed, file)
      : parseLines(text, file);
  if (series.series.length === 0) {
    throw new MaatError(`${file} has no values`, { hint: "give one number per run, oldest first" });
  }
  return series;
}

function parseJsonSeries(text: string, file: string): DetectInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MaatError(`${file} is not valid JSON: ${(error as Error).message}`, {
      hint: "fix the JSON or use one number per line",
    });
  }
  let direction: Direction = "unknown";
  let values = data;
  if (!Array.isArray(data)) {
    const object = data as { values?: unknown; direction?: unknown };
    if (object.direction !== undefined) {
      if (!DIRECTIONS.includes(object.direction as Direction)) {
        throw new MaatError(`${file}: "direction" must be one of ${DIRECTIONS.join(", ")}`, {
          hint: "or leave it out",
        });
      }
      direction = object.direction as Direction;
    }
    values = object.values;
  }
  if (!Array.isArray(values)) {
    throw new MaatError(`${file}: expected an array of numbers or {"values": [...]}`, {
      hint: 'e.g. {"values": [101.2, 99.8, 100.4]}',
    });
  }
  const series = values.map((point, i) => {
    const reps = Array.isArray(point) ? point : [point];
    if (reps.length === 0 || reps.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
      throw new MaatError(`${file}: value ${i} is not a finite number or a non-empty array of them`, {
        hint: `found ${JSON.stringify(point)}`,
      });
    }
    return reps as number[];
  });
  return { series, direction };
}

function parseLines(text: string, file: string): DetectInput {
  const series: number[][] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const fields = line.split(/[,;\t ]+/).filter((f) => f !== "");
    if (fields.length === 0) return;
    const numbers = fields.map(Number);
    if (numbers.every((n) => Number.isFinite(n))) {
      series.push(numbers);
      return;
    }
    if (series.length === 0 && i === lines.findIndex((l) => l.trim() !== "")) return; // a header
    const bad = fields.find((f) => !Number.isFinite(Number(f)));
    throw new MaatError(`${file}, line ${i + 1}: "${bad}" is not a number`, {
      hint: "one number per line, or comma-separated repetitions",
    });
  });
  return { series, direction: "unknown" };
}

function toJson(point: ChangePoint) {
  return {
    index: point.index,
    before: point.before,
    after: point.after,
    relative_change: point.relativeChange,
    p_value: point.pValue,
    kind: point.kind,
  };
}

const BARS = "▁▂▃▄▅▆▇█";
const CHART_WIDTH = 72;

/** `--persistence N`: how many points in a row a change must hold before the replayed gate alerts. */
function persistenceFlag(text: string | undefined): number {
  if (text === undefined) return DEFAULT_REPLAY_OPTIONS.persistence;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--persistence must be a whole number >= 1, got "${text}"`);
  }
  return value;
}

function renderText(
  series: number[][],
  points: ChangePoint[],
  direction: Direction,
  persistence: number | undefined,
): string {
  const gate = persistence !== undefined;
  const values = series.map((reps) => reps.reduce((a, b) => a + b, 0) / reps.length);
  const lines = [
    `${values.length} points, direction ${direction}${gate ? `, gate replay (persistence ${persistence})` : ""}`,
    "",
  ];
  lines.push(
    ...renderChart(
      values,
      points.map((p) => p.index),
    ),
    "",
  );
  if (points.length === 0) {
    lines.push(gate ? "No alerts: the gate would have stayed green." : "No change points.");
  } else {
    const header = ["index", "kind", "before (median)", "after (median)", "change", "p-value"];
    const rows = points.map((p) => [
      String(p.index),
      p.kind,
      formatNumber(p.before.median),
      formatNumber(p.after.median),
      formatPercent(p.relativeChange),
      p.pValue < 0.0001 ? "< 0.0001" : p.pValue.toFixed(4),
    ]);
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
    for (const row of [header, ...rows])
      lines.push(
        row
          .map((cell, c) => cell.padEnd(widths[c]!))
          .join("  ")
          .trimEnd(),
      );
  }
  const outliers = findOutliers(series);
  if (outliers.length > 0) {
    const shown = outliers.slice(0, 10).map((o) => `${o.index} (${formatNumber(o.value)})`);
    lines.push(
      "",
      `Outliers (one-off points, not changes): ${shown.join(", ")}${outliers.length > 10 ? ", ..." : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A sparkline (one column per bucket of points) with ^ under the columns holding a change point. */
function renderChart(values: number[], marks: number[]): string[] {
  const columns = Math.min(CHART_WIDTH, values.length);
  const bucket = values.length / columns;
  const heights: number[] = [];
  for (let c = 0; c < columns; c++) {
    const slice = values.slice(
      Math.floor(c * bucket),
      Math.max(Math.floor((c + 1) * bucket), Math.floor(c * bucket) + 1),
    );
    heights.push(slice.reduce((a, b) => a + b, 0) / slice.length);
  }
  const low = Math.min(...heights);
  const high = Math.max(...heights);
  const bars = heights
    .map((h) => BARS[high === low ? 3 : Math.round(((h - low) / (high - low)) * (BARS.length - 1))])
    .join("");
  const markLine = Array.from({ length: columns }, () => " ");
  for (const index of marks) markLine[Math.min(columns - 1, Math.floor(index / bucket))] = "^";
  const range = `${formatNumber(low)}..${formatNumber(high)}`;
  return [`${range} │${bars}`, `${" ".repeat(range.length)} │${markLine.join("").trimEnd()}`];
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 1000 || Number.isInteger(value)
    ? String(Math.round(value * 100) / 100)
    : value.toPrecision(4);
}
