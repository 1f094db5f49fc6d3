import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { OutputFile } from "../descriptor/types.js";
import { MaatError } from "../errors.js";
import { type FileSnapshot, fileLook, findResultFiles } from "./find-result-files.js";
import { parseHarnessOutput } from "./formats.js";
import type { HarnessResult } from "./types.js";

export interface ResultFileReading {
  entry: OutputFile;
  /** Absolute path of the file read. */
  file: string;
  result: HarnessResult;
}

export interface ResultFilesRead {
  readings: ResultFileReading[];
  /** One sentence per entry that gave nothing usable: not written, left over, unreadable. */
  problems: string[];
}

/**
 * Reads every file the entries name below `cwd`. With `before` (taken when the repetition
 * started), a file that looks exactly as it did then is a leftover of an earlier run and is not
 * read: its numbers are not this repetition's.
 */
export async function readResultFiles(
  cwd: string,
  entries: readonly OutputFile[],
  before?: FileSnapshot,
): Promise<ResultFilesRead> {
  const readings: ResultFileReading[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const files = await findResultFiles(cwd, entry);
    const label = `${entry.path} (${entry.format})`;
    if (files.length === 0) {
      problems.push(`result file ${label} was not written`);
      continue;
    }
    const fresh: string[] = [];
    for (const file of files) {
      const info = await stat(file).catch(() => undefined);
      if (info !== undefined && before?.get(file) !== fileLook(info)) fresh.push(file);
    }
    if (fresh.length === 0) {
      problems.push(
        `result file ${label} was not rewritten by this repetition (it is left over from before)`,
      );
      continue;
    }
    for (const file of fresh) {
      try {
        readings.push({ entry, file, result: await readResultFile(cwd, entry, file) });
      } catch (error) {
        if (!(error instanceof MaatError)) throw error;
        problems.push(error.hint ? `${error.message} (${error.hint})` : error.message);
      }
    }
  }
  return { readings, problems };
}

/** Parses one file as its entry's format; Criterion also reads the `benchmark.json` beside it. */
export async function readResultFile(cwd: string, entry: OutputFile, file: string): Promise<HarnessResult> {
  const shown = path.relative(cwd, file) || file;
  const text = await readFile(file, "utf8");
  const options: Parameters<typeof parseHarnessOutput>[2] = { file: shown };
  if (entry.statistic !== undefined) options.statistic = entry.statistic;
  if (entry.format === "criterion") {
    const benchmarkJson = await readFile(path.join(path.dirname(file), "benchmark.json"), "utf8").catch(
      () => undefined,
    );
    const folder = path.dirname(path.dirname(shown)).split(path.sep).join("/");
    options.companion = { fallbackName: folder.replace(/^(?:.*\/)?criterion\//, "") };
    if (benchmarkJson !== undefined) options.companion.benchmarkJson = benchmarkJson;
  }
  return parseHarnessOutput(entry.format, text, options);
}
