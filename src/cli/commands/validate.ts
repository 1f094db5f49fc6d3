import path from "node:path";
import { parseArgs } from "node:util";
import { descriptorId } from "../../descriptor/descriptor-id.js";
import { findDescriptorFiles } from "../../descriptor/find-descriptor-files.js";
import { validateDescriptorFile } from "../../descriptor/load-descriptor.js";
import type { DescriptorProblem } from "../../descriptor/problem.js";
import { formatProblem } from "../../descriptor/problem.js";
import { findRepoRoot } from "../../descriptor/repo-root.js";
import { UsageError } from "../../errors.js";
import type { Command, CommandContext } from "../command.js";

const HELP = `maat validate [paths...] [--json]

Checks benchmark descriptors (TOML) against the descriptor schema and Maat's rules, and
reports every problem with its file, line and column. A folder means every *.toml under it;
with no paths, benchmarks/ at the repository root.

Options:
  --json    print { files: [{ file, valid, id, problems, warnings }] } on stdout

Exit codes: 0 all descriptors valid (warnings allowed); 2 a descriptor is invalid or bad usage.

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
    const files = await findDescriptorFiles(paths, { cwd: context.cwd, repoRoot });
    if (files.length === 0) {
      throw new UsageError(
        `no descriptor files found in ${paths.length > 0 ? paths.join(", ") : "benchmarks/"}`,
        {
          hint: "descriptors are *.toml files; pass their paths or put them under benchmarks/",
        },
      );
    }
    const reports: FileReport[] = [];
    for (const file of files) {
      const shown = path.relative(context.cwd, file).replaceAll("\\", "/") || file;
      const result = await validateDescriptorFile(file, { repoRoot, displayPath: shown });
      const id = result.descriptor?.id ?? descriptorId(path.relative(repoRoot, file));
      reports.push({ file: shown, valid: result.problems.length === 0, id, ...result });
    }
    flagDuplicateIds(reports);

    if (json) {
      const files = reports.map(({ file, valid, id, problems, warnings }) => ({
        file,
        valid,
        id,
        problems,
        warnings,
      }));
      context.stdout.write(`${JSON.stringify({ files }, null, 2)}\n`);
    } else {
      for (const report of reports) {
        for (const problem of report.problems) context.stderr.write(`${formatProblem(problem)}\n`);
        for (const warning of report.warnings) context.stderr.write(`${formatProblem(warning, "warning")}\n`);
      }
      context.stdout.write(`${summarize(reports)}\n`);
    }
    return reports.every((r) => r.valid) ? 0 : 2;
  },
};

function readArguments(argv: string[]): { paths: string[]; json: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: "boolean", default: false } },
      allowPositionals: true,
      strict: true,
    });
    return { paths: positionals, json: values.json === true };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), {
      hint: "usage: maat validate [paths...] [--json]",
    });
  }
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

function summarize(reports: FileReport[]): string {
  const valid = reports.filter((r) => r.valid).length;
  const invalid = reports.length - valid;
  const warnings = reports.reduce((n, r) => n + r.warnings.length, 0);
  const noun = valid === 1 ? "descriptor" : "descriptors";
  const warned = warnings === 0 ? "" : ` (${warnings} warning${warnings === 1 ? "" : "s"})`;
  return `${valid} ${noun} valid, ${invalid} invalid${warned}`;
}
