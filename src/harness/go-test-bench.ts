import { inferDirection } from "../descriptor/infer-direction.js";
import type { Direction } from "../descriptor/types.js";
import { mean } from "./json-input.js";
import { harnessMetricName } from "./metric-name.js";
import type { HarnessMetric, HarnessResult, ParseOptions } from "./types.js";

const RESULT_LINE = /^(Benchmark\S*)\s+(\d+)((?:\s+[-+0-9.eE]+\s+\S+)+)\s*$/;
const FAIL_LINE = /^\s*--- FAIL: (Benchmark\S*)/;
const PACKAGE_LINE = /^pkg:\s+(\S+)/;

const KNOWN_UNITS: Record<string, Direction> = {
  "ns/op": "lower_is_better",
  "B/op": "lower_is_better",
  "allocs/op": "lower_is_better",
  "MB/s": "higher_is_better",
};

interface Series {
  label: string;
  unit: string;
  values: number[];
}

/**
 * `go test -bench` output (stdout, stderr may be mixed in). Each benchmark line gives
 * `<name>` in ns/op and `<name>.<unit>` for every other unit on the line (B/op, allocs/op,
 * MB/s, custom `b.ReportMetric` units); repeated lines (`-count N`) become the series and
 * their mean the value. With several `pkg:` sections, names start with the package's last
 * path element. A `--- FAIL` benchmark gets a metric without a value, with the failure.
 */
export function parseGoTestBench(text: string, _options: ParseOptions): HarnessResult {
  const lines = text.split(/\r?\n/);
  const packages = new Set(lines.map((l) => PACKAGE_LINE.exec(l)?.[1]).filter((p) => p !== undefined));
  const prefix = (pkg: string | undefined) =>
    packages.size > 1 && pkg !== undefined ? `${pkg.split("/").at(-1)}/` : "";
  const series = new Map<string, Series>();
  const failures = new Map<string, string>();
  let pkg: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    pkg = PACKAGE_LINE.exec(line)?.[1] ?? pkg;
    const failed = FAIL_LINE.exec(line);
    if (failed !== null) {
      const reason = lines[i + 1]?.startsWith("    ") ? lines[i + 1]!.trim() : "the benchmark failed";
      failures.set(`${prefix(pkg)}${failed[1]}`, reason);
      continue;
    }
    const match = RESULT_LINE.exec(line);
    if (match === null) continue;
    const label = `${prefix(pkg)}${match[1]}`;
    const fields = match[3]!.trim().split(/\s+/);
    for (let f = 0; f + 1 < fields.length; f += 2) {
      const value = Number(fields[f]);
      const unit = fields[f + 1]!;
      if (!Number.isFinite(value)) continue;
      const key = `${label}\u0000${unit}`;
      const entry = series.get(key) ?? { label, unit, values: [] };
      entry.values.push(value);
      series.set(key, entry);
    }
  }
  const metrics: HarnessMetric[] = [...series.values()].map(({ label, unit, values }) => ({
    name: unit === "ns/op" ? harnessMetricName(label) : harnessMetricName(label, unit),
    unit,
    direction: KNOWN_UNITS[unit] ?? inferDirection(unit, unit),
    value: mean(values),
    series: values,
  }));
  for (const [label, reason] of failures) {
    metrics.push({
      name: harnessMetricName(label),
      unit: "ns/op",
      direction: "lower_is_better",
      value: null,
      series: [],
      problem: { kind: "missing", detail: `${label} failed: ${reason}` },
    });
  }
  return { metrics, notes: [] };
}
