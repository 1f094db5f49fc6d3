import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import type { WorkflowSchedule } from "../plan/schedule-coverage.js";

const WORKFLOWS = ".github/workflows";

/**
 * The repository's workflows that run Maat's plan on a schedule (`on.schedule` crons and a step
 * with `command: plan`), so validation can tell whether descriptor crons will be honoured.
 * Undefined when the repository has no workflows folder (Maat used without the action).
 * A file that is not valid YAML is passed over: GitHub reports it on its own.
 */
export async function readScheduledWorkflows(repoRoot: string): Promise<WorkflowSchedule[] | undefined> {
  let names: string[];
  try {
    names = await readdir(path.join(repoRoot, WORKFLOWS));
  } catch {
    return undefined;
  }
  const schedules: WorkflowSchedule[] = [];
  for (const name of names.filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = `${WORKFLOWS}/${name}`;
    const workflow = await readFile(path.join(repoRoot, file), "utf8").then(parseQuietly, () => undefined);
    const crons = workflow === undefined ? [] : scheduleCrons(workflow);
    if (crons.length > 0 && runsMaatPlan(workflow)) schedules.push({ file, crons });
  }
  return schedules;
}

function parseQuietly(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

function scheduleCrons(workflow: unknown): string[] {
  const on = (workflow as { on?: unknown } | null)?.on;
  const schedule = isRecord(on) ? on.schedule : undefined;
  if (!Array.isArray(schedule)) return [];
  return schedule.flatMap((entry) => (isRecord(entry) && typeof entry.cron === "string" ? [entry.cron] : []));
}

function runsMaatPlan(workflow: unknown): boolean {
  const jobs = (workflow as { jobs?: unknown } | null)?.jobs;
  if (!isRecord(jobs)) return false;
  return Object.values(jobs).some((job) => {
    const steps = isRecord(job) ? job.steps : undefined;
    return (
      Array.isArray(steps) &&
      steps.some((step) => isRecord(step) && isRecord(step.with) && step.with.command === "plan")
    );
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
