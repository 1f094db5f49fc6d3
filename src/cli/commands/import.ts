import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { findRepoRoot, loadDescriptor } from "../../descriptor/index.js";
import type { Descriptor, OutputFile } from "../../descriptor/types.js";
import { UsageError } from "../../errors.js";
import { findResultFiles } from "../../harness/find-result-files.js";
import { isHarnessFormat, STATISTICS } from "../../harness/formats.js";
import { type ResultFileReading, readResultFile } from "../../harness/read-result-files.js";
import { HARNESS_FORMATS } from "../../harness/types.js";
import { readHostFingerprint } from "../../results/host-fingerprint.js";
import { importDescriptor, importedReceipt } from "../../results/import-receipt.js";
import { resultLocation, writeReceipt } from "../../results/receipt-store.js";
import { readSourceInfo } from "../../results/source-info.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";
import { describeReceipt } from "./results.js";

const HELP = `maat import: turn another harness's result files into a Maat receipt

Usage: maat import <format> <file>... (--benchmark ID | --descriptor FILE) [options]

Each file is one repetition. The receipt is written like one from 'maat run', so
'maat compare', 'maat baseline update' and the report use it as they would any other.

Formats: ${HARNESS_FORMATS.join(", ")}
(custom-*: github-action-benchmark's customBiggerIsBetter / customSmallerIsBetter JSON;
criterion: a new/estimates.json, or the target/criterion folder).

Options:
  --benchmark ID        the benchmark the numbers belong to (letters, digits, . _ -)
  --descriptor FILE     take the id, metric directions and thresholds from this descriptor instead
  --statistic S         which statistic is a benchmark's value (pytest-benchmark: mean, median, min,
                        max, ops; google-benchmark: real_time, cpu_time; hyperfine: mean, median,
                        min, max; criterion: mean, median, slope)
  --prefix P            put before every metric name
  --instance-type T     hardware key when this machine has no runner labels (default: local)
  --commit SHA          the commit measured (default: this checkout's HEAD, or GITHUB_SHA)
  --date ISO            when it was measured (default: now)
  --results-dir DIR     where the receipt goes (default .maat/results)
  --json                print {"receipt": path, "resultId": ..., "metrics": {...}}

Exit codes: 0 imported; 2 usage error or a file that is not the format named.

Examples:
  maat import pytest-benchmark .benchmarks/out.json --benchmark tokenizer
  maat import go-test-bench bench-1.txt bench-2.txt bench-3.txt --benchmark server
  maat import criterion target/criterion --descriptor benchmarks/codec/descriptor.toml
  maat import custom-smaller-is-better output.json --benchmark api --prefix api.`;

export const importCommand: Command = {
  name: "import",
  help: HELP,
  async run(context) {
    const { values, positionals } = parseCommandArgs("import", context.argv, {
      benchmark: { type: "string" },
      descriptor: { type: "string" },
      statistic: { type: "string" },
      prefix: { type: "string" },
      "instance-type": { type: "string" },
      commit: { type: "string" },
      date: { type: "string" },
      "results-dir": { type: "string" },
      json: { type: "boolean" },
    });
    const [format, ...files] = positionals;
    if (format === undefined || files.length === 0) {
      throw new UsageError("import: name a format and at least one result file", {
        hint: "Run 'maat import --help'.",
      });
    }
    if (!isHarnessFormat(format)) {
      throw new UsageError(`import: unknown format "${format}"`, {
        hint: `Formats: ${HARNESS_FORMATS.join(", ")}.`,
      });
    }
    const entry = outputEntry(format, values.statistic, values.prefix);
    const descriptor = await chooseDescriptor(context.cwd, entry, values);
    const startedAt = values.date === undefined ? new Date() : parseDate(values.date);
    const repetitions: ResultFileReading[][] = [];
    for (const file of files) {
      const readings: ResultFileReading[] = [];
      for (const one of await expandFile(context.cwd, file, entry)) {
        readings.push({ entry, file: one, result: await readResultFile(context.cwd, entry, one) });
      }
      repetitions.push(readings);
    }
    const [source, host] = await Promise.all([
      readSourceInfo(context.cwd, context.env),
      readHostFingerprint(context.env),
    ]);
    if (values.commit !== undefined) source.commit = values.commit;
    const resultsDir = path.resolve(context.cwd, values["results-dir"] ?? ".maat/results");
    const { logDir } = resultLocation(resultsDir, descriptor.id, startedAt, source.commit);
    const copies = await keepCopies(context.cwd, logDir, repetitions);
    const { receipt, receiptPath } = importedReceipt({
      descriptor,
      repetitions,
      copies,
      source,
      host,
      startedAt,
      resultsDir,
    });
    await writeReceipt(receiptPath, receipt);
    const shown = path.relative(context.cwd, receiptPath) || receiptPath;
    if (values.json) {
      const metrics = Object.fromEntries(
        Object.values(receipt.metrics).map((m) => [
          m.name,
          { unit: m.unit, direction: m.direction, values: m.values },
        ]),
      );
      context.stdout.write(
        `${JSON.stringify({ receipt: shown, resultId: receipt.resultId, metrics }, null, 2)}\n`,
      );
    } else {
      context.stdout.write(`${describeReceipt(receipt)}\n\nwrote ${shown}\n`);
    }
    return 0;
  },
};

function outputEntry(format: OutputFile["format"], statistic?: string, prefix?: string): OutputFile {
  const entry: OutputFile = { path: "", format };
  if (statistic !== undefined) {
    const offered = STATISTICS[format];
    if (!offered.includes(statistic)) {
      throw new UsageError(`import: --statistic "${statistic}" is not one ${format} offers`, {
        hint:
          offered.length > 0
            ? `Choose one of ${offered.join(", ")}.`
            : `${format} files have no statistic to choose.`,
      });
    }
    entry.statistic = statistic;
  }
  if (prefix !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(prefix)) {
      throw new UsageError(`import: --prefix "${prefix}" must be letters, digits, '_', '.' or '-'`);
    }
    entry.prefix = prefix;
  }
  return entry;
}

async function chooseDescriptor(
  cwd: string,
  entry: OutputFile,
  values: { benchmark?: string; descriptor?: string; "instance-type"?: string },
): Promise<Descriptor> {
  if (values.descriptor !== undefined && values.benchmark !== undefined) {
    throw new UsageError("import: give --benchmark or --descriptor, not both");
  }
  if (values.descriptor !== undefined) {
    return loadDescriptor(path.resolve(cwd, values.descriptor), { repoRoot: findRepoRoot(cwd) });
  }
  const id = values.benchmark;
  if (id === undefined || !/^[a-z0-9][a-z0-9._-]*$/.test(id)) {
    throw new UsageError(
      id === undefined
        ? "import: say which benchmark the numbers belong to"
        : `import: --benchmark "${id}" must be lowercase letters, digits, '.', '_' or '-'`,
      { hint: "Pass --benchmark my-benchmark, or --descriptor benchmarks/x/descriptor.toml." },
    );
  }
  return importDescriptor(id, entry, values["instance-type"] ?? "local");
}

/** A criterion folder stands for every estimate below it; any other path is one file. */
async function expandFile(cwd: string, file: string, entry: OutputFile): Promise<string[]> {
  const found = await findResultFiles(cwd, { ...entry, path: file });
  if (found.length === 0) {
    throw new UsageError(`import: ${file}: no such ${entry.format} result file`, {
      hint:
        entry.format === "criterion"
          ? "Pass a new/estimates.json or the target/criterion folder."
          : undefined,
    });
  }
  return found;
}

/** Each repetition's files, copied beside the receipt so it stays complete when the originals go. */
async function keepCopies(
  cwd: string,
  logDir: string,
  repetitions: ResultFileReading[][],
): Promise<string[][]> {
  const copies: string[][] = [];
  for (const [i, readings] of repetitions.entries()) {
    const kept: string[] = [];
    for (const { file } of readings) {
      const relative = path.relative(cwd, file);
      const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
      const copy = path.join(logDir, `import-${i + 1}`, inside ? relative : path.basename(file));
      await mkdir(path.dirname(copy), { recursive: true });
      await copyFile(file, copy);
      kept.push(copy);
    }
    copies.push(kept);
  }
  return copies;
}

function parseDate(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(`import: --date "${text}" is not a date`, {
      hint: "Use ISO 8601, like 2026-03-01T12:00:00Z.",
    });
  }
  return date;
}
