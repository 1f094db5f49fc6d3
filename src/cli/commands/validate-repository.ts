import path from "node:path";
import { ConfigError } from "../../config/config-error.js";
import { CONFIG_FILE, loadRepositoryConfig } from "../../config/load-config.js";
import type { ConfigProblem } from "../../config/types.js";
import type { DescriptorProblem } from "../../descriptor/problem.js";
import { readToml } from "../../descriptor/read-toml.js";
import type { Descriptor } from "../../descriptor/types.js";
import { MAX_TOML_BYTES, readRegularTextFile } from "../../read-regular-file.js";

/** What `maat validate` says about the repository's `maat.toml`; undefined when there is none. */
export interface ConfigReport {
  file: string;
  valid: boolean;
  problems: ConfigProblem[];
}

/**
 * Checks `maat.toml` the way `maat run` and the action will read it, so validate never passes
 * a repository whose config then stops every run.
 */
export async function validateConfig(repoRoot: string, cwd: string): Promise<ConfigReport | undefined> {
  const absolute = path.join(repoRoot, CONFIG_FILE);
  const shown = path.relative(cwd, absolute).replaceAll("\\", "/") || CONFIG_FILE;
  try {
    const config = await loadRepositoryConfig(repoRoot);
    return config.file === undefined ? undefined : { file: shown, valid: true, problems: [] };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { file: shown, valid: false, problems: error.problems.map((p) => ({ ...p, file: shown })) };
  }
}

/**
 * A warning for each scheduled descriptor the repository's scheduled workflows cannot honour
 * (it fires more often than the workflow wakes, or no workflow plans on a schedule). Nothing
 * when the repository has no workflows folder: Maat is then used without the action.
 * Keyed by the descriptor's path as shown.
 */
export async function scheduleWarnings(
  repoRoot: string,
  descriptors: Array<{ descriptor: Descriptor; file: string; shown: string }>,
): Promise<Map<string, DescriptorProblem>> {
  const warnings = new Map<string, DescriptorProblem>();
  const scheduled = descriptors.filter((d) => d.descriptor.info.scheduling !== "single_run");
  if (scheduled.length === 0) return warnings;
  // Loaded only here: reading workflows needs a YAML parser most validations never use.
  const { readScheduledWorkflows } = await import("../../workflow/scheduled-workflows.js");
  const { scheduleCoverage } = await import("../../plan/schedule-coverage.js");
  const workflows = await readScheduledWorkflows(repoRoot);
  if (workflows === undefined) return warnings;
  const check = scheduleCoverage(workflows);
  for (const { descriptor, file, shown } of scheduled) {
    const message = check(descriptor.info.scheduling);
    if (message === undefined) continue;
    const read = readToml(await readRegularTextFile(file, MAX_TOML_BYTES), shown);
    const at = read.ok ? read.sourceMap.locate(["info", "scheduling"], "value") : { line: 1, column: 1 };
    warnings.set(shown, {
      file: shown,
      ...at,
      field: "info.scheduling",
      message: `\`${descriptor.info.scheduling}\` ${message}`,
    });
  }
  return warnings;
}
