import path from "node:path";
import { FileReadProblem, MAX_TOML_BYTES, readRegularFile } from "../read-regular-file.js";
import { type DescriptorResult, parseDescriptor } from "./parse-descriptor.js";
import { DescriptorError } from "./problem.js";
import type { Descriptor } from "./types.js";

export interface LoadDescriptorOptions {
  repoRoot: string;
  /** How to name the file in problems; defaults to its path relative to repoRoot. */
  displayPath?: string;
}

/** Reads and validates one descriptor file; unreadable files and bad UTF-8 become problems too. */
export async function validateDescriptorFile(
  file: string,
  options: LoadDescriptorOptions,
): Promise<DescriptorResult> {
  const absolute = path.resolve(options.repoRoot, file);
  const shown = options.displayPath ?? displayRelative(absolute, options.repoRoot);
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(absolute, MAX_TOML_BYTES);
  } catch (error) {
    if (!(error instanceof FileReadProblem)) throw error;
    const why = error.message.slice(absolute.length + 1);
    const hint =
      error.code === "too-large"
        ? "a descriptor describes a benchmark; keep data and scripts in files next to it"
        : undefined;
    return {
      problems: [{ ...problemAtStart(shown, why), ...(hint === undefined ? {} : { hint }) }],
      warnings: [],
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      problems: [problemAtStart(shown, "is not valid UTF-8 text; save the file as UTF-8")],
      warnings: [],
    };
  }
  return parseDescriptor(text, { file: shown, repoRoot: options.repoRoot });
}

/**
 * Loads a descriptor for use, throwing a DescriptorError (exit code 2) with every problem when invalid.
 *
 * @example const descriptor = await loadDescriptor("benchmarks/resnet/descriptor.toml", { repoRoot });
 */
export async function loadDescriptor(file: string, options: LoadDescriptorOptions): Promise<Descriptor> {
  const result = await validateDescriptorFile(file, options);
  if (result.descriptor === undefined) {
    throw new DescriptorError(result.problems[0]?.file ?? file, result.problems);
  }
  return result.descriptor;
}

function displayRelative(absolute: string, root: string): string {
  const relative = path.relative(root, absolute);
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return (inside ? relative : absolute).replaceAll("\\", "/");
}

function problemAtStart(file: string, message: string) {
  return { file, line: 1, column: 1, field: "", message: `${file} ${message}` };
}
