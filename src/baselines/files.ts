import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FileReadProblem, MAX_JSON_BYTES, readRegularTextFile } from "../read-regular-file.js";
import { BaselineError } from "./errors.js";
import { slugFor } from "./hardware-key.js";
import { type ParseBaselineOptions, parseBaseline } from "./parse.js";
import { readRecentText } from "./read-recent-text.js";
import { serializeBaseline } from "./serialize.js";
import type { Baseline } from "./types.js";

/** `<dir>/<benchmark-id>/<hardware-slug>.json`. */
export function baselinePath(dir: string, benchmarkId: string, slug: string): string {
  return join(benchmarkDir(dir, benchmarkId), `${slug}.json`);
}

/** Reads one baseline file; undefined when it does not exist. */
export async function readBaselineFile(
  file: string,
  options: ParseBaselineOptions = {},
): Promise<Baseline | undefined> {
  let text: string;
  let partial = false;
  try {
    if (options.recentRuns === undefined) text = await readRegularTextFile(file, MAX_JSON_BYTES);
    else ({ text, partial } = await readRecentText(file, options.recentRuns));
  } catch (error) {
    const code = error instanceof FileReadProblem ? error.code : (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "not-found") return undefined;
    throw new BaselineError(`cannot read baseline file ${file}: ${(error as Error).message}`, {
      file,
      cause: error,
    });
  }
  try {
    return parseBaseline(text, file, options);
  } catch (error) {
    // A large file edited out of the one-run-per-line layout: read it whole.
    if (!partial) throw error;
    return parseBaseline(await readRegularTextFile(file, MAX_JSON_BYTES), file);
  }
}

/** Every hardware key's baseline of a benchmark, ordered by slug; none when the folder is absent. */
export async function readBaselines(
  dir: string,
  benchmarkId: string,
  options: ParseBaselineOptions = {},
): Promise<Baseline[]> {
  const folder = benchmarkDir(dir, benchmarkId);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new BaselineError(`cannot list baselines in ${folder}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const baselines: Baseline[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const baseline = await readBaselineFile(file, options);
    if (baseline === undefined) continue;
    checkIdentity(baseline, file, benchmarkId, name.slice(0, -".json".length));
    baselines.push(baseline);
  }
  return baselines;
}

/**
 * A baseline file holds the benchmark its folder names, on the hardware key its name names: an
 * edited `benchmarkId` or hardware would otherwise make a comparison find no baseline at all.
 */
function checkIdentity(baseline: Baseline, file: string, benchmarkId: string, slug: string): void {
  const problems: string[] = [];
  if (baseline.benchmarkId !== benchmarkId) {
    problems.push(`benchmarkId is "${baseline.benchmarkId}" but the file is in the folder of ${benchmarkId}`);
  }
  if (baseline.hardware.slug !== slug)
    problems.push(`hardware.slug is "${baseline.hardware.slug}" but the file is ${slug}.json`);
  else if (slugFor(baseline.hardware.fields) !== slug)
    problems.push("hardware.fields do not give this file's hardware key");
  if (problems.length > 0) {
    throw new BaselineError(`baseline file ${file} is malformed: ${problems.join("; ")}`, {
      file,
      hint: "Baseline files are written by 'maat baseline update'; restore the file from git history.",
    });
  }
}

/** Writes a baseline atomically (temporary file, then rename) so a crash never leaves half a file. */
export async function writeBaselineFile(file: string, baseline: Baseline): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(join(file, ".."), { recursive: true });
    await writeFile(temporary, serializeBaseline(baseline), "utf8");
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new BaselineError(`cannot write baseline file ${file}: ${(error as Error).message}`, {
      file,
      cause: error,
    });
  }
}

function benchmarkDir(dir: string, benchmarkId: string): string {
  // Benchmark ids become folder names: refuse anything that could escape `dir`.
  const segments = benchmarkId.split("/");
  if (segments.some((s) => !/^[A-Za-z0-9._-]+$/.test(s) || s === "." || s === "..")) {
    throw new BaselineError(`benchmark id "${benchmarkId}" cannot name a baseline folder`, {
      hint: "Benchmark ids use letters, digits, '.', '_', '-' and '/'.",
    });
  }
  return join(dir, ...segments);
}
