import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { findRepoRoot, formatProblem } from "../../descriptor/index.js";
import { UsageError } from "../../errors.js";
import { type PlanEvent, planRuns, toMatrix } from "../../plan/index.js";
import { loadRepository } from "../../workflow/load-repository.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";
import { renderPlanText } from "./plan-text.js";

const exec = promisify(execFile);

const HELP = `maat plan: show what the action would run for an event, from this checkout

Usage:
  maat plan [--base REF]                 a pull request: files changed since REF (default origin/main)
  maat plan --files a,b [--label L]...   a pull request touching exactly these files
  maat plan --schedule CRON [--last-run ISO] [--now ISO]
                                         a scheduled wake-up of the workflow's own cron
  maat plan --dispatch all|id,...        a manual dispatch
Options:
  --json      print {"plan": {...}, "matrix": {...}} instead of the summary
  --markdown  print the summary as the action writes it to the job summary

The same planner the action's plan step uses, with the repository's maat.toml. --base
compares commits, as a pull request does: uncommitted edits are not in the plan (it says so).

Examples:
  maat plan --base main
  maat plan --files models/resnet/train.py --label benchmark:all
  maat plan --schedule "0 * * * *" --last-run 2026-11-24T03:00:00Z --json`;

const OPTIONS = {
  base: { type: "string" },
  files: { type: "string" },
  label: { type: "string", multiple: true },
  schedule: { type: "string" },
  "last-run": { type: "string" },
  now: { type: "string" },
  dispatch: { type: "string" },
  json: { type: "boolean" },
  markdown: { type: "boolean" },
} as const;

type PlanFlags = {
  base?: string;
  files?: string;
  label?: string[];
  schedule?: string;
  "last-run"?: string;
  dispatch?: string;
  json?: boolean;
  markdown?: boolean;
};

export const planCommand: Command = {
  name: "plan",
  help: HELP,
  async run(context) {
    const { values } = parseCommandArgs("plan", context.argv, OPTIONS);
    checkFlags(values);
    const repoRoot = findRepoRoot(context.cwd);
    const repository = await loadRepository(repoRoot);
    for (const problem of repository.problems) context.stderr.write(`${formatProblem(problem)}\n`);
    if (repository.problems.length > 0) {
      throw new UsageError(`${repository.problems.length} problem(s) in benchmark descriptors`, {
        hint: "run 'maat validate' and fix them first",
      });
    }
    const { event, described } = await eventFrom(values, repoRoot, context);
    const now = values.now === undefined ? new Date() : instant("--now", values.now);
    const plan = planRuns({ event, descriptors: repository.descriptors, config: repository.config, now });
    if (values.json) {
      context.stdout.write(`${JSON.stringify({ plan, matrix: toMatrix(plan) }, null, 2)}\n`);
    } else if (values.markdown) {
      context.stdout.write(`${plan.summaryMarkdown}\n`);
    } else {
      context.stdout.write(renderPlanText(plan, described));
    }
    return 0;
  },
};

/** One event per plan: flags of two events at once are a mistake, never silently dropped. */
function checkFlags(values: PlanFlags): void {
  const events = (["base", "files", "schedule", "dispatch"] as const).filter((f) => values[f] !== undefined);
  if (events.length > 1) {
    throw new UsageError(`plan: ${events.map((f) => `--${f}`).join(" and ")} describe different events`, {
      hint: "Choose one: --base or --files (a pull request), --schedule, or --dispatch.",
    });
  }
  if (values.label !== undefined && (values.schedule !== undefined || values.dispatch !== undefined)) {
    throw new UsageError("plan: --label applies to a pull request (--base or --files) only");
  }
  if (values["last-run"] !== undefined && values.schedule === undefined) {
    throw new UsageError("plan: --last-run applies to --schedule only");
  }
  if (values.json && values.markdown) throw new UsageError("plan: choose one of --json and --markdown");
}

async function eventFrom(
  values: PlanFlags,
  repoRoot: string,
  context: CommandContext,
): Promise<{ event: PlanEvent; described: string }> {
  if (values.schedule !== undefined) {
    const event: PlanEvent = {
      kind: "schedule",
      cron: values.schedule,
      ...(values["last-run"] === undefined ? {} : { lastRunAt: instant("--last-run", values["last-run"]) }),
    };
    return { event, described: `a scheduled run (${values.schedule})` };
  }
  if (values.dispatch !== undefined) {
    const benchmarks = list(values.dispatch);
    return { event: { kind: "workflow_dispatch", benchmarks }, described: "a manual run" };
  }
  const base = values.base ?? "origin/main";
  if (values.files === undefined) await noteUncommitted(repoRoot, base, context);
  const changedFiles = values.files !== undefined ? list(values.files) : await changedSince(repoRoot, base);
  const described =
    values.files !== undefined
      ? `a pull request changing ${changedFiles.length} file(s)`
      : `a pull request from ${base} to HEAD (${changedFiles.length} changed file(s))`;
  const event: PlanEvent = {
    kind: "pull_request",
    changedFiles,
    labels: values.label ?? [],
    headSha: "HEAD",
    isFork: false,
    prNumber: 0,
  };
  return { event, described };
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

async function changedSince(repoRoot: string, base: string): Promise<string[]> {
  try {
    const { stdout } = await exec("git", ["diff", "--name-only", `${base}...HEAD`], { cwd: repoRoot });
    return stdout.split("\n").filter(Boolean);
  } catch (error) {
    throw new UsageError(
      `cannot list the files changed since ${base}: ${(error as Error).message.split("\n")[0]}`,
      {
        hint: "pass --base with a branch or commit this checkout has, or --files",
      },
    );
  }
}

/** A pull request is its commits: say when edits in the working tree are left out of the plan. */
async function noteUncommitted(repoRoot: string, base: string, context: CommandContext): Promise<void> {
  const status = await exec("git", ["status", "--porcelain"], { cwd: repoRoot }).then(
    ({ stdout }) => stdout.split("\n").filter(Boolean),
    () => [],
  );
  if (status.length === 0) return;
  const files = status.map((line) => line.slice(3));
  const shown = files.length > 5 ? `${files.slice(0, 5).join(", ")}, ...` : files.join(", ");
  context.stderr.write(
    `maat: note: ${files.length} uncommitted change(s) are not in this plan (${shown}): it compares ` +
      `commits (${base}...HEAD), as a pull request does. Commit them, or name files with --files.\n`,
  );
}

function instant(flag: string, text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`${flag} must be a date and time like 2026-11-24T03:00:00Z`);
  return date;
}
