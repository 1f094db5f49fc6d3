import path from "node:path";
import { sha256Hex } from "../sha256.js";
import { checkRules } from "./check-rules.js";
import { canonicalJson } from "./content-hash.js";
import { descriptorId } from "./descriptor-id.js";
import { placeFinding } from "./finding.js";
import { normalizeDescriptor } from "./normalize.js";
import { DescriptorError, type DescriptorProblem } from "./problem.js";
import { readToml } from "./read-toml.js";
import { translateSchemaErrors } from "./translate-schema-errors.js";
import type { Descriptor } from "./types.js";
import { validateAgainstSchema } from "./validate-schema.js";

export interface DescriptorResult {
  /** Present when there are no problems. */
  descriptor?: Descriptor;
  /** Everything that makes the descriptor unusable, sorted by position. */
  problems: DescriptorProblem[];
  /** Things worth fixing that do not stop the benchmark (a metric direction that cannot be inferred). */
  warnings: DescriptorProblem[];
}

export interface ParseDescriptorOptions {
  /** The file name shown in problems, and (relative to repoRoot) the source of the id. */
  file: string;
  /** Repository root; the id and `path` are relative to it. Without it `file` is taken as relative. */
  repoRoot?: string;
}

/**
 * Parses, validates and normalizes descriptor text, reporting every problem at once. Never
 * throws for bad input; anything unexpected surfaces as a DescriptorError.
 *
 * @example
 * const { descriptor, problems } = parseDescriptor(text, { file: "benchmarks/resnet/descriptor.toml" });
 * for (const p of problems) console.error(formatProblem(p));
 */
export function parseDescriptor(text: string, options: ParseDescriptorOptions): DescriptorResult {
  try {
    return parse(text, options);
  } catch (error) {
    if (error instanceof DescriptorError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const problem = {
      file: options.file,
      line: 1,
      column: 1,
      field: "",
      message: `could not be validated: ${reason}`,
    };
    throw new DescriptorError(options.file, [problem], {
      cause: error,
      hint: "this is a bug in Maat; please report it with the descriptor",
    });
  }
}

function parse(text: string, options: ParseDescriptorOptions): DescriptorResult {
  const { file } = options;
  const read = readToml(text, file);
  if (!read.ok) return { problems: [read.problem], warnings: [] };
  const { data, sourceMap } = read;

  const rules = checkRules(data);
  const schemaProblems = translateSchemaErrors(validateAgainstSchema(data), { file, data, sourceMap });
  // The specific rules (cron, regex, aliases) word a field's problem better than the schema does.
  const problems = onePerField([
    ...rules.errors.map((f) => placeFinding(f, file, sourceMap)),
    ...schemaProblems,
  ]);
  const warnings = rules.warnings.map((f) => placeFinding(f, file, sourceMap));
  if (problems.length > 0) return { problems: byPosition(problems), warnings: byPosition(warnings) };

  const { content, warnings: notes } = normalizeDescriptor(data);
  warnings.push(...notes.map((f) => placeFinding(f, file, sourceMap)));
  const relative = relativePath(file, options.repoRoot);
  const id = descriptorId(relative);
  const descriptor: Descriptor = { id, path: relative, contentHash: "", ...content };
  hashOnFirstRead(descriptor, canonicalJson(content));
  // After taking the canonical text, so the hash does not depend on the path.
  if (descriptor.info.taskName === "") descriptor.info.taskName = id;
  return { descriptor, problems: [], warnings: byPosition(warnings) };
}

/**
 * Makes `contentHash` the sha256 of `canonical`, computed when first read: validating a
 * descriptor never needs it, and hashing would load node:crypto for nothing.
 */
function hashOnFirstRead(descriptor: Descriptor, canonical: string): void {
  let hash: string | undefined;
  Object.defineProperty(descriptor, "contentHash", {
    enumerable: true,
    configurable: true,
    get: () => (hash ??= sha256Hex(canonical)),
    set: (value: string) => {
      hash = value;
    },
  });
}

function onePerField(problems: DescriptorProblem[]): DescriptorProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = p.field === "" ? `${p.line}:${p.column}` : p.field;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byPosition(problems: DescriptorProblem[]): DescriptorProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

function relativePath(file: string, repoRoot: string | undefined): string {
  const relative = repoRoot === undefined ? file : path.relative(repoRoot, path.resolve(repoRoot, file));
  return relative.replaceAll("\\", "/").replace(/^(\.\/)+/, "");
}
