import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Descriptor } from "../descriptor/types.js";
import type { FileSnapshot } from "../harness/find-result-files.js";
import { readResultFiles } from "../harness/read-result-files.js";
import { fileObservations } from "../harness/to-observations.js";
import type { RepetitionOutcome, Runner } from "../runners/runner.js";

export interface ResultFilesContext {
  descriptor: Descriptor;
  /** The benchmark's folder: `[[output.files]]` paths are relative to it. */
  cwd: string;
  /** The files as they looked when the repetition started (leftovers are not read). */
  before: FileSnapshot;
  runnerKind: Runner["kind"];
  /** Where copies of the files read are kept, beside the repetition's log. */
  keepDir: string;
}

/**
 * After a repetition, reads the result files the descriptor declares and adds their metrics
 * to the outcome, keeping a copy of each file beside the log. A repetition that exited cleanly
 * but left no fresh, readable file failed: it produced no numbers.
 */
export async function addResultFileMetrics(
  outcome: RepetitionOutcome,
  context: ResultFilesContext,
): Promise<RepetitionOutcome> {
  const entries = context.descriptor.output.files ?? [];
  if (entries.length === 0) return outcome;
  if (context.runnerKind === "kubernetes") {
    return failed(outcome, [
      "[[output.files]] are read from the benchmark's folder on this machine, and the kubernetes backend does not copy files back from the pod",
    ]);
  }
  const { readings, problems } = await readResultFiles(context.cwd, entries, context.before);
  const found = fileObservations(readings, [
    ...context.descriptor.output.metrics,
    ...(context.descriptor.server?.output.metrics ?? []),
  ]);
  const kept: string[] = [];
  for (const { file } of readings) {
    const copy = path.join(context.keepDir, path.relative(context.cwd, file));
    await mkdir(path.dirname(copy), { recursive: true });
    await copyFile(file, copy);
    kept.push(copy);
  }
  const notes = [...outcome.notes, ...found.notes];
  for (const name of Object.keys(found.metrics)) {
    if (outcome.metrics[name]?.sources.length)
      notes.push(`metric ${name} is also in the log; the result file's value is kept`);
  }
  const merged: RepetitionOutcome = {
    ...outcome,
    metrics: { ...outcome.metrics, ...found.metrics },
    undeclaredMetrics: { ...outcome.undeclaredMetrics, ...found.undeclared },
    logs: kept.length > 0 ? { ...outcome.logs, files: kept } : outcome.logs,
    notes: [...new Set(notes)],
  };
  return problems.length > 0 ? failed(merged, problems) : merged;
}

/** Only a clean exit turns into "failed": a timeout or crash keeps its own status and reason. */
function failed(outcome: RepetitionOutcome, problems: string[]): RepetitionOutcome {
  if (outcome.status !== "succeeded") return outcome;
  return { ...outcome, status: "failed", reason: problems.join("; ") };
}
