import { contentHash } from "../descriptor/content-hash.js";
import type { DescriptorContent } from "../descriptor/normalize.js";
import type { Descriptor, OutputFile } from "../descriptor/types.js";
import type { ResultFileReading } from "../harness/read-result-files.js";
import { fileObservations } from "../harness/to-observations.js";
import { summarizeMetrics } from "../run/metric-summaries.js";
import { receiptIdentity } from "./receipt-identity.js";
import { resultLocation } from "./receipt-store.js";
import type { HostFingerprint, RepetitionResult, ResultReceipt, SourceInfo } from "./receipt-types.js";

export interface ImportedRun {
  /** The benchmark the numbers belong to: a loaded descriptor, or one made by `importDescriptor`. */
  descriptor: Descriptor;
  /** The readings of each repetition, in order (one file, or every estimate of a criterion folder). */
  repetitions: ResultFileReading[][];
  /** Where each repetition's files were copied (its logs). */
  copies: string[][];
  source: SourceInfo;
  host: HostFingerprint;
  startedAt: Date;
  resultsDir: string;
}

/**
 * A receipt for numbers another harness measured (`maat import`): each file (or criterion
 * folder) becomes one measured repetition, summarized exactly as `maat run` summarizes its own, so compare,
 * baselines and reports treat both alike. The backend note says Maat did not run it.
 */
export function importedReceipt(run: ImportedRun): { receipt: ResultReceipt; receiptPath: string } {
  const { descriptor } = run;
  const location = resultLocation(run.resultsDir, descriptor.id, run.startedAt, run.source.commit);
  const at = run.startedAt.toISOString();
  const undeclared = new Map<
    string,
    { unit: string; direction?: Descriptor["output"]["metrics"][0]["direction"] }
  >();
  const notes = new Set<string>();
  const repetitions = run.repetitions.map((readings, i): RepetitionResult => {
    const found = fileObservations(readings, descriptor.output.metrics);
    for (const [name, metric] of Object.entries(found.undeclared)) undeclared.set(name, metric);
    for (const note of found.notes) notes.add(note);
    const files = run.copies[i] ?? readings.map((r) => r.file);
    return {
      index: i + 1,
      warmup: false,
      startedAt: at,
      durationMs: 0,
      exitCode: 0,
      signal: null,
      status: "succeeded",
      metrics: found.metrics,
      logs: { output: files[0]!, files },
    };
  });
  const formats = [...new Set(run.repetitions.flat().map((r) => r.entry.format))].join(", ");
  const receipt: ResultReceipt = {
    ...receiptIdentity(descriptor, location.resultId),
    source: run.source,
    host: run.host,
    backend: {
      kind: "local",
      dockerImageUsed: false,
      note: `imported with 'maat import' from ${formats} result files; Maat did not run the benchmark`,
    },
    settings: {
      repetitions: repetitions.length,
      warmup: 0,
      maxRepetitions: repetitions.length,
      targetPrecision: 0.01,
    },
    stopReason: `${repetitions.length} result file(s) imported`,
    startedAt: at,
    endedAt: at,
    durationMs: 0,
    status: "succeeded",
    repetitions,
    metrics: summarizeMetrics(descriptor.output.metrics, repetitions, undeclared),
    notes: [...notes],
    logDir: location.logDir,
  };
  return { receipt, receiptPath: location.receiptPath };
}

/**
 * The descriptor of an imported benchmark that has no descriptor file: its id, the format it
 * came in, and the instance type that keys its hardware when the host has no runner labels.
 */
export function importDescriptor(id: string, file: OutputFile, instanceType: string): Descriptor {
  const content: DescriptorContent = {
    specVersion: "0.1.0",
    extensionVersion: "1",
    info: {
      taskName: id,
      description: `imported ${file.format} results`,
      scheduling: "single_run",
      labels: {},
    },
    hardware: { instanceType, strategy: "single_node" },
    env: { dockerImage: "", privileged: false, extendedShm: true, vars: {} },
    ml: {},
    data: { sources: [] },
    customParams: {},
    output: { metrics: [], files: [file] },
    run: { repetitions: 1, warmup: 0, maxRepetitions: 1, targetPrecision: 0.01, watch: [], thresholds: {} },
  };
  return { id, path: "", contentHash: contentHash(content), ...content };
}
