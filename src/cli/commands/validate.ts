import path from "node:path";
import { formatConfigProblem } from "../../config/config-error.js";
import { descriptorId } from "../../descriptor/descriptor-id.js";
import { findDescriptors } from "../../descriptor/find-descriptor-files.js";
import { validateDescriptorFile } from "../../descriptor/load-descriptor.js";
import type { DescriptorProblem } from "../../descriptor/problem.js";
import { formatProblem } from "../../descriptor/problem.js";
import { findRepoRoot } from "../../descriptor/repo-root.js";
import type { Descriptor } from "../../descriptor/types.js";
import { UsageError } from "../../errors.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";
import { type ConfigReport, scheduleWarnings, validateConfig } from "./validate-repository.js";

const HELP = `maat validate [paths...] [--json]

Checks benchmark descriptors (TOML) against the descriptor schema and Maat's rules, and
reports every problem with its file, line and column. A folder means every *.toml under it;
with no paths, benchmarks/ at the repository root. The repository's maat.toml is checked too,
and scheduled descriptors against the crons of the workflows in .github/workflows.

Options:
  --json    print { files: [{ file, valid, id, problems, warnings }], config } on stdout

Exit codes: 0 all descriptors and maat.toml valid (warnings allowed); 2 something is invalid
or bad usage.

Examples:
  maat validate
  maat validate benchmarks/resnet/descriptor.toml
  maat validate benchmarks/nlp --json`;

interface FileReport {
  file: string;
  valid: boolean;
  id: string;
  problems: DescriptorProblem[];
  warnings: DescriptorProblem[];
}

export const validateCommand: Command = {
  name: "validate",
  help: HELP,
  async run(context: CommandContext): Promise<number> {
    const { paths, json } = readArguments(context.argv);
    const repoRoot = findRepoRoot(context.cwd);
    const files = await findDescriptors(paths, { cwd: context.cwd, repoRoot });
    if (files.length === 0) {
      throw new UsageError(
        `no descriptor files found in ${paths.length > 0 ? paths.join(", ") : "benchmarks/"}`,
        {
          hint: "descriptors are *.toml files; pass their paths or put them under benchmarks/",
        },
      );
    }
    const reports: FileReport[] = [];
    const valid: Array<{ descriptor: Descriptor; file: string; shown: string }> = [];
    for (const { file, shown } of files) {
      const result = await validateDescriptorFile(file, { repoRoot, displayPath: shown });
      const id = result.descriptor?.id ?? descriptorId(path.relative(repoRoot, file));
      reports.push({ file: shown, valid: result.problems.length === 0, id, ...result });
      if (result.descriptor) valid.push({ descriptor: result.descriptor, file, shown });
    }
    flagDuplicateIds(reports);
    const scheduling = await scheduleWarnings(repoRoot, valid);
    for (const report of reports) {
      const warning = scheduling.get(report.file);
      if (warning) report.warnings.push(warning);
    }
    const config = await validateConfig(repoRoot, context.cwd);

    if (json) {
      const files = reports.map(({ file, valid, id, problems, warnings }) => ({
        file,
        valid,
        id,
        problems,
        warnings,
      }));
      context.stdout.write(`${JSON.stringify({ files, config: config ?? null }, null, 2)}\n`);
    } else {
      for (const report of reports) {
        for (const problem of report.problems) context.stderr.write(`${formatProblem(problem)}\n`);
        for (const warning of report.warnings) context.stderr.write(`${formatProblem(warning, "warning")}\n`);
      }
      for (const problem of config?.problems ?? []) context.stderr.write(`${formatConfigProblem(problem)}\n`);
      context.stdout.write(`${summarize(reports, config)}\n`);
    }
    return reports.every((r) => r.valid) && config?.valid !== false ? 0 : 2;
  },
};

function readArguments(argv: string[]): { paths: string[]; json: boolean } {
  const { values, positionals } = parseCommandArgs("validate", argv, { json: { type: "boolean" } });
  return { paths: positionals, json: values.json === true };
}

/** Ids key baselines, so two descriptors must never share one. */
function flagDuplicateIds(reports: FileReport[]): void {
  const firstById = new Map<string, string>();
  for (const report of reports) {
    const first = firstById.get(report.id);
    if (first === undefined) {
      firstById.set(report.id, report.file);
      continue;
    }
    report.valid = false;
    report.problems.push({
      file: report.file,
      line: 1,
      column: 1,
      field: "",
      message: `has the id "${report.id}", like ${first}; ids come from file paths, so rename or move one of them`,
    });
  }
}

function summarize(reports: FileReport[], config: ConfigReport | undefined): string {
  const valid = reports.filter((r) => r.valid).length;
  const invalid = reports.length - valid;
  const warnings = reports.reduce((n, r) => n + r.warnings.length, 0);
  const noun = valid === 1 ? "descriptor" : "descriptors";
  const warned = warnings === 0 ? "" : ` (${warnings} warning${warnings === 1 ? "" : "s"})`;
  const configured =
    config === undefined
      ? ""
      : config.valid
        ? `; ${config.file} valid`
        : `; ${config.file} invalid (${config.problems.length} problem${config.problems.length === 1 ? "" : "s"})`;
  return `${valid} ${noun} valid, ${invalid} invalid${warned}${configured}`;
}
