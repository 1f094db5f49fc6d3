import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { findRepoRoot, formatProblem } from "../../descriptor/index.js";
import { UsageError } from "../../errors.js";
import { type PlanEvent, planRuns, toMatrix } from "../../plan/index.js";
import { loadRepository } from "../../workflow/load-repository.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";

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

The same planner the action's plan step uses, with the repository's maat.toml.

Examples:
  maat plan --base main
  maat plan --files models/resnet/train.py --label benchmark:all
  maat plan --schedule "0 * * * *" --last-run 2026-11-24T03:00:00Z --json`;

export const planCommand: Command = {
  name: "plan",
  help: HELP,
  async run(context) {
    const { values } = parseCommandArgs("plan", context.argv, {
      base: { type: "string" },
      files: { type: "string" },
      label: { type: "string", multiple: true },
      schedule: { type: "string" },
      "last-run": { type: "string" },
      now: { type: "string" },
      dispatch: { type: "string" },
      json: { type: "boolean" },
    });
    const repoRoot = findRepoRoot(context.cwd);
    const repository = await loadRepository(repoRoot);
    for (const problem of repository.problems) context.stderr.write(`${formatProblem(problem)}\n`);
    if (repository.problems.length > 0) {
      throw new UsageError(`${repository.problems.length} problem(s) in benchmark descriptors`, {
        hint: "run 'maat validate' and fix them first",
      });
    }
    const event = await eventFrom(values, repoRoot);
    const now = values.now === undefined ? new Date() : instant("--now", values.now);
    const plan = planRuns({ event, descriptors: repository.descriptors, config: repository.config, now });
    if (values.json) {
      context.stdout.write(`${JSON.stringify({ plan, matrix: toMatrix(plan) }, null, 2)}\n`);
    } else {
      context.stdout.write(`${plan.summaryMarkdown}\n`);
    }
    return 0;
  },
};

type PlanFlags = {
  base?: string;
  files?: string;
  label?: string[];
  schedule?: string;
  "last-run"?: string;
  dispatch?: string;
};

async function eventFrom(values: PlanFlags, repoRoot: string): Promise<PlanEvent> {
  if (values.schedule !== undefined) {
    return {
      kind: "schedule",
      cron: values.schedule,
      ...(values["last-run"] === undefined ? {} : { lastRunAt: instant("--last-run", values["last-run"]) }),
    };
  }
  if (values.dispatch !== undefined) {
    return {
      kind: "workflow_dispatch",
      benchmarks: values.dispatch
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    };
  }
  const changedFiles =
    values.files !== undefined
      ? values.files
          .split(",")
          .map((f) => f.trim())
          .filter(Boolean)
      : await changedSince(repoRoot, values.base ?? "origin/main");
  return {
    kind: "pull_request",
    changedFiles,
    labels: values.label ?? [],
    headSha: "HEAD",
    isFork: false,
    prNumber: 0,
  };
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

function instant(flag: string, text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`${flag} must be a date and time like 2026-11-24T03:00:00Z`);
  return date;
}
