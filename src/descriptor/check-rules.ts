import { durationLimitProblem, durationMs, parseDuration } from "../duration.js";
import { checkMetricPattern } from "./check-metric-pattern.js";
import { checkOutputFiles } from "./check-output-files.js";
import { checkScheduling } from "./check-scheduling.js";
import { formatFieldPath, type Segment } from "./field-path.js";
import type { Finding } from "./finding.js";
import { isTable, stringAt, type Table, tableAt, tablesAt } from "./raw-access.js";

const KNOWN_STRATEGIES = new Set(["single_node", "horovod", "mxnet_parameter_server", "pytorch_ddp"]);

/**
 * The rules a JSON Schema cannot say well: cron syntax, regular expressions, unique metric
 * names, src/uri aliases, the inference server, each result file format's statistics. Returns errors and warnings; reads defensively
 * because it also runs on descriptors that failed the schema, so users see everything at once.
 */
export function checkRules(data: Table): { errors: Finding[]; warnings: Finding[] } {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];

  const scheduling = stringAt(tableAt(data, "info"), "scheduling");
  const scheduleProblem = scheduling === undefined ? undefined : checkScheduling(scheduling);
  if (scheduleProblem !== undefined) {
    errors.push({
      path: ["info", "scheduling"],
      anchor: "value",
      message: scheduleProblem,
      hint: 'examples: "0 3 * * *" (every day at 03:00), "*/30 * * * 1-5" (every 30 minutes on weekdays), "@daily"',
    });
  }

  const strategy = stringAt(tableAt(data, "hardware"), "strategy");
  const isInference = strategy === "inference" || strategy === "client_server";
  if (isInference && data.server === undefined) {
    errors.push({
      path: ["hardware", "strategy"],
      anchor: "value",
      message: `"${strategy}" needs a [server] table describing the inference server (with [server.hardware] and [server.env])`,
    });
  }
  if (!isInference && KNOWN_STRATEGIES.has(strategy ?? "") && data.server !== undefined) {
    warnings.push({
      path: ["server"],
      anchor: "header",
      message: `is only used when hardware.strategy is "inference" (it is "${strategy}"), so it is ignored`,
    });
  }

  checkMetrics(["output", "metrics"], tablesAt(tableAt(data, "output"), "metrics"), errors);
  checkOutputFiles(tablesAt(tableAt(data, "output"), "files"), errors);
  const server = tableAt(data, "server");
  checkMetrics(["server", "output", "metrics"], tablesAt(tableAt(server, "output"), "metrics"), errors);
  checkServer(server, errors, warnings);
  checkEfficiency(data, errors);
  checkSources(["data", "sources"], tablesAt(tableAt(data, "data"), "sources"), errors);
  checkSources(["server", "models"], tablesAt(server, "models"), errors);
  const serverEnv = tableAt(server, "env");
  for (const probe of ["readiness_probe", "liveliness_probe"]) checkProbe(serverEnv?.[probe], probe, errors);

  const timeout = tableAt(data, "run")?.timeout;
  if (typeof timeout === "string" && parseDuration(timeout) === 0) {
    errors.push({
      path: ["run", "timeout"],
      anchor: "value",
      message: 'must be longer than zero (like "90s" or "10m")',
    });
  }
  const timeoutMs = durationMs(timeout);
  const tooLong = timeoutMs === undefined ? undefined : durationLimitProblem(timeoutMs);
  if (tooLong !== undefined) errors.push({ path: ["run", "timeout"], anchor: "value", message: tooLong });
  return { errors, warnings };
}

function checkMetrics(base: Segment[], metrics: Array<[Table, number]>, errors: Finding[]): void {
  const firstByName = new Map<string, number>();
  for (const [metric, i] of metrics) {
    const pattern = metric.pattern;
    const patternProblem = typeof pattern === "string" ? checkMetricPattern(pattern) : undefined;
    if (patternProblem !== undefined)
      errors.push({ path: [...base, i, "pattern"], anchor: "value", ...patternProblem });
    const name = metric.name;
    if (typeof name !== "string") continue;
    const first = firstByName.get(name);
    if (first === undefined) {
      firstByName.set(name, i);
      continue;
    }
    errors.push({
      path: [...base, i, "name"],
      anchor: "value",
      message: `duplicates the name of ${formatFieldPath([...base, first])} ("${name}"); metric names must be unique within a section`,
    });
  }
}

/** Efficiency metrics divide a declared metric, and need names of their own. */
function checkEfficiency(data: Table, errors: Finding[]): void {
  const declared = [
    ...tablesAt(tableAt(data, "output"), "metrics"),
    ...tablesAt(tableAt(tableAt(data, "server"), "output"), "metrics"),
  ].map(([m]) => m.name);
  for (const [entry, i] of tablesAt(tableAt(data, "output"), "efficiency")) {
    if (typeof entry.metric === "string" && !declared.includes(entry.metric)) {
      errors.push({
        path: ["output", "efficiency", i, "metric"],
        anchor: "value",
        message: `names no declared metric ("${entry.metric}")`,
        hint: `declared metrics: ${declared.join(", ") || "none"}`,
      });
    }
    if (typeof entry.name === "string" && declared.includes(entry.name)) {
      errors.push({
        path: ["output", "efficiency", i, "name"],
        anchor: "value",
        message: `"${entry.name}" is already a metric of this benchmark; give the efficiency metric its own name`,
      });
    }
  }
  if (tablesAt(tableAt(tableAt(data, "server"), "output"), "efficiency").length > 0) {
    errors.push({
      path: ["server", "output", "efficiency"],
      anchor: "header",
      message: "efficiency metrics belong in [[output.efficiency]] (they may name server metrics)",
    });
  }
}

/** What Anubis refuses in a server and Maat would only discover when the benchmark runs. */
function checkServer(server: Table | undefined, errors: Finding[], warnings: Finding[]): void {
  const start = tableAt(server, "env")?.start_command;
  if (typeof start === "string" && start.trim() === "") {
    errors.push({
      path: ["server", "env", "start_command"],
      anchor: "value",
      message: 'is empty: give the command that starts the inference server, like "python3 server.py"',
    });
  }
  const output = tableAt(server, "output");
  const declared = output?.metrics;
  if (
    output !== undefined &&
    (declared === undefined || (Array.isArray(declared) && declared.length === 0))
  ) {
    errors.push({
      path: ["server", "output"],
      anchor: "header",
      message: "declares no metrics: add [[server.output.metrics]] entries, or remove [server.output]",
    });
  }
  for (const [metric, i] of tablesAt(output, "metrics")) {
    if (metric.pattern !== undefined || typeof metric.name !== "string") continue;
    warnings.push({
      path: ["server", "output", "metrics", i, "name"],
      anchor: "value",
      message: `has no pattern: Maat reads "${metric.name}" only from the server's emit protocol, and the Anubis format requires a pattern for server metrics`,
      hint: "add pattern = '...' (one capture group around the value) so other Anubis tools can read it too",
    });
  }
}

function checkSources(base: Segment[], sources: Array<[Table, number]>, errors: Finding[]): void {
  for (const [source, i] of sources) {
    if (source.src === undefined && source.uri === undefined) {
      errors.push({
        path: [...base, i, "src"],
        anchor: "header",
        message:
          "is required: where to fetch from (s3://, http(s)://, file:// or a path); older descriptors call it uri",
      });
    } else if (source.src !== undefined && source.uri !== undefined) {
      errors.push({
        path: [...base, i, "uri"],
        anchor: "key",
        message: "is the older name of src; keep only one of them",
      });
    }
  }
}

function checkProbe(probe: unknown, name: string, errors: Finding[]): void {
  const path: Segment[] = ["server", "env", name];
  for (const key of ["initial_delay_seconds", "period_seconds", "timeout_seconds", "timout_seconds"]) {
    const seconds = isTable(probe) ? probe[key] : undefined;
    const tooLong = typeof seconds === "number" ? durationLimitProblem(seconds * 1000) : undefined;
    if (tooLong !== undefined) errors.push({ path: [...path, key], anchor: "value", message: tooLong });
  }
  if (typeof probe === "string" && /^https?:\/\//.test(probe) && !URL.canParse(probe)) {
    errors.push({
      path,
      anchor: "value",
      message: `must be a URL like "http://localhost:8080/ready" (got ${JSON.stringify(probe)})`,
    });
  }
  if (isTable(probe) && probe.timeout_seconds !== undefined && probe.timout_seconds !== undefined) {
    errors.push({
      path: [...path, "timout_seconds"],
      anchor: "key",
      message: "is a misspelling of timeout_seconds, which is also set; keep only timeout_seconds",
    });
  }
}
