import path from "node:path";
import picomatch from "picomatch";
import { loadRepositoryConfig, type RepositoryConfig } from "../config/index.js";
import {
  type DescriptorProblem,
  type DescriptorResult,
  findDescriptorFiles,
  validateDescriptorFile,
} from "../descriptor/index.js";
import type { Descriptor } from "../descriptor/types.js";
import { MaatError } from "../errors.js";

export interface LoadedRepository {
  config: RepositoryConfig;
  descriptors: Descriptor[];
  problems: DescriptorProblem[];
  warnings: DescriptorProblem[];
}

/**
 * The repository config and every descriptor its globs (or the given ones) select, validated.
 * Problems of all files are collected so a step can annotate every offending line at once.
 */
export async function loadRepository(
  repoRoot: string,
  options: { configPath?: string; globs?: string[]; config?: RepositoryConfig } = {},
): Promise<LoadedRepository> {
  // A fork's plan uses the base branch's config (given), never the fork's own maat.toml.
  const config =
    options.config ??
    (await loadRepositoryConfig(
      repoRoot,
      options.configPath && options.configPath !== "maat.toml" ? { path: options.configPath } : {},
    ));
  const globs = options.globs?.length ? options.globs : config.descriptors;
  const matches = picomatch(globs, { dot: true });
  const files = (await findDescriptorFiles(["."], { cwd: repoRoot, repoRoot })).filter((file) =>
    matches(path.relative(repoRoot, file).replaceAll("\\", "/")),
  );
  const results: DescriptorResult[] = await Promise.all(
    files.map((file) => validateDescriptorFile(file, { repoRoot })),
  );
  const descriptors = results.flatMap((r) => (r.descriptor ? [r.descriptor] : []));
  return {
    config,
    descriptors,
    problems: results.flatMap((r) => r.problems),
    warnings: results.flatMap((r) => r.warnings),
  };
}

/** Thrown when descriptors are invalid: every problem is already annotated by then. */
export class InvalidDescriptorsError extends MaatError {
  constructor(count: number) {
    super(`${count} problem(s) in benchmark descriptors (see the annotations above)`, {
      hint: "run 'maat validate' locally to see them all",
    });
  }
}
