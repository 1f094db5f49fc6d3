import { parseDuration } from "../duration.js";
import type { Finding } from "./finding.js";
import { normalizeMetrics, normalizeThresholds } from "./normalize-metrics.js";
import { normalizeOutputFiles } from "./normalize-output-files.js";
import { normalizeProbe } from "./normalize-probe.js";
import { isTable, type Table, tableAt, tablesAt } from "./raw-access.js";
import type {
  DataSource,
  Descriptor,
  EfficiencyMetric,
  RunSettings,
  ServerDefinition,
  Strategy,
} from "./types.js";

/** The normalized content of a descriptor: everything but its path-derived id, path and hash. */
export type DescriptorContent = Omit<Descriptor, "id" | "path" | "contentHash">;

const STRATEGY_ALIASES: Record<string, Strategy> = { client_server: "inference" };

/**
 * Fills in the specification's defaults and resolves aliases, on data that passed validation.
 * Optional fields that are absent stay absent, so the content hash only sees what was written.
 */
export function normalizeDescriptor(raw: Table): { content: DescriptorContent; warnings: Finding[] } {
  const warnings: Finding[] = [];
  const info = tableAt(raw, "info") ?? {};
  const hardware = tableAt(raw, "hardware") ?? {};
  const env = tableAt(raw, "env") ?? {};
  const ml = tableAt(raw, "ml") ?? {};
  const data = tableAt(raw, "data") ?? {};
  const labels = stringRecord(tableAt(info, "labels"));
  const strategy = String(hardware.strategy);

  const content: DescriptorContent = {
    specVersion: String(raw.spec_version),
    extensionVersion: typeof raw.maat_version === "string" ? raw.maat_version : "1",
    info: compact({
      // Anubis descriptors usually name the task in a label; an empty name falls back to the id later.
      taskName: String(info.task_name ?? labels.task_name ?? ""),
      description: String(info.description).trim(),
      scheduling: typeof info.scheduling === "string" ? info.scheduling : "single_run",
      labels,
      executionEngine: optionalString(info.execution_engine),
    }),
    hardware: compact({
      instanceType: String(hardware.instance_type),
      strategy: STRATEGY_ALIASES[strategy] ?? (strategy as Strategy),
      awsZoneId: optionalString(hardware.aws_zone_id),
      availabilityZone: optionalString(hardware.availability_zone),
      gpusPerInstance:
        typeof hardware.gpus_per_instance === "number" ? hardware.gpus_per_instance : undefined,
      distributed: normalizeDistributed(tableAt(hardware, "distributed")),
    }),
    env: {
      dockerImage: String(env.docker_image),
      privileged: env.privileged === true,
      extendedShm: env.extended_shm !== false,
      vars: stringRecord(tableAt(env, "vars")),
    },
    ml: compact({
      benchmarkCode: optionalString(ml.benchmark_code),
      args: optionalString(ml.args),
      framework: optionalString(ml.framework),
      frameworkVersion: optionalString(ml.framework_version),
    }),
    data: compact({
      id: optionalString(data.id),
      sources: tablesAt(data, "sources").map(([s]) => normalizeSource(s)),
    }),
    customParams: toJsonSafe(tableAt(raw, "custom_params") ?? {}) as Record<string, unknown>,
    output: normalizeOutput(tableAt(raw, "output"), warnings),
    run: normalizeRun(tableAt(raw, "run") ?? {}),
  };
  const server = tableAt(raw, "server");
  if (server !== undefined) content.server = normalizeServer(server, warnings);
  return { content, warnings };
}

function normalizeOutput(raw: Table | undefined, warnings: Finding[]): Descriptor["output"] {
  const output: Descriptor["output"] = {
    metrics: normalizeMetrics(tablesAt(raw, "metrics"), ["output", "metrics"], warnings),
  };
  const efficiency = normalizeEfficiency(tablesAt(raw, "efficiency"));
  if (efficiency !== undefined) output.efficiency = efficiency;
  const files = normalizeOutputFiles(tablesAt(raw, "files"));
  if (files.length > 0) output.files = files;
  return output;
}

function normalizeDistributed(raw: Table | undefined): Descriptor["hardware"]["distributed"] {
  if (raw === undefined) return undefined;
  const processes = raw.processes_per_instance;
  return compact({
    numInstances: typeof raw.num_instances === "number" ? raw.num_instances : 1,
    // Anubis writes it as a string ("2" or "gpus").
    processesPerInstance: processes === undefined || processes === "gpus" ? processes : Number(processes),
  } as { numInstances: number; processesPerInstance?: number | "gpus" });
}

function normalizeEfficiency(tables: Array<[Table, number]>): EfficiencyMetric[] | undefined {
  if (tables.length === 0) return undefined;
  return tables.map(([t]) => ({ name: String(t.name), metric: String(t.metric) }));
}

function normalizeSource(raw: Table): DataSource {
  return compact({
    src: String(raw.src ?? raw.uri),
    path: String(raw.path),
    md5: optionalString(raw.md5),
    sha256: optionalString(raw.sha256),
    cache: raw.cache === "by-url" ? "by-url" : undefined,
    id: optionalString(raw.id),
  });
}

function normalizeServer(raw: Table, warnings: Finding[]): ServerDefinition {
  const env = tableAt(raw, "env") ?? {};
  const ports = Array.isArray(env.ports) ? env.ports.map(Number) : [];
  const firstPort = ports[0] ?? 80;
  const probe = (value: unknown) =>
    typeof value === "string" || isTable(value) ? normalizeProbe(value, firstPort) : undefined;
  return {
    hardware: { instanceType: String(tableAt(raw, "hardware")?.instance_type) },
    env: compact({
      dockerImage: String(env.docker_image),
      privileged: env.privileged === true,
      extendedShm: env.extended_shm !== false,
      ports,
      startCommand: String(env.start_command),
      startCommandArgs: optionalString(env.start_command_args),
      vars: stringRecord(tableAt(env, "vars")),
      readinessProbe: probe(env.readiness_probe),
      livenessProbe: probe(env.liveliness_probe),
    }),
    models: tablesAt(raw, "models").map(([m]) => normalizeSource(m)),
    output: {
      metrics: normalizeMetrics(
        tablesAt(tableAt(raw, "output"), "metrics"),
        ["server", "output", "metrics"],
        warnings,
      ),
    },
  };
}

function normalizeRun(raw: Table): RunSettings {
  const timeout = raw.timeout;
  return compact({
    repetitions:
      typeof raw.repetitions === "number" ? raw.repetitions : raw.repetitions === "auto" ? "auto" : 1,
    warmup: typeof raw.warmup === "number" ? raw.warmup : 0,
    timeoutMs:
      typeof timeout === "number"
        ? timeout * 1000
        : typeof timeout === "string"
          ? parseDuration(timeout)
          : undefined,
    maxRepetitions: typeof raw.max_repetitions === "number" ? raw.max_repetitions : 30,
    targetPrecision: typeof raw.target_precision === "number" ? raw.target_precision : 0.01,
    watch: Array.isArray(raw.watch) ? raw.watch.map(String) : [],
    backend:
      raw.backend === "local" || raw.backend === "docker" || raw.backend === "kubernetes"
        ? raw.backend
        : undefined,
    code: raw.code === "checkout" || raw.code === "image" ? raw.code : undefined,
    codePaths: Array.isArray(raw.code_paths) ? raw.code_paths.map(String) : undefined,
    thresholds: normalizeThresholds(tableAt(raw, "thresholds")),
    defaulted: (["repetitions", "warmup", "timeout"] as const).filter((key) => raw[key] === undefined),
  });
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Environment variables may be written as numbers or booleans in TOML; the container sees text. */
function stringRecord(raw: Table | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, String(v)]));
}

/** Dates become ISO strings and big integers decimal strings, so results stay plain JSON. */
function toJsonSafe(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (isTable(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSafe(v)]));
  return value;
}

/** Drops keys whose value is undefined, so absent optional fields are absent, not undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
