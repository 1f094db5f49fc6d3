import { formatProblem } from "../descriptor/index.js";
import type { GitHubClient } from "../github/client.js";
import { parseRepository } from "../github/repository.js";
import { upsertStickyComment } from "../github/sticky-comment.js";
import {
  gateForkPullRequest,
  type PlanEvent,
  planEventFromWebhook,
  planRuns,
  toMatrix,
} from "../plan/index.js";
import { forkPullRequest, readBaseConfig } from "./base-config.js";
import { pullRequestFiles, pushFiles } from "./changed-files.js";
import { InvalidDescriptorsError, loadRepository } from "./load-repository.js";
import { previousScheduledRun } from "./previous-scheduled-run.js";
import type { StepReporter, WorkflowContext } from "./workflow-context.js";

export interface PlanStepOptions {
  context: WorkflowContext;
  configPath: string;
  descriptorGlobs: string[];
  /** workflow_dispatch: names from the action input (the payload's `inputs.benchmarks` wins). */
  benchmarks: string[];
  octokit: GitHubClient | undefined;
  reporter: StepReporter;
  now: Date;
}

/**
 * `command: plan`: validates every descriptor (annotating bad lines), works out what this
 * event should run, and outputs the job matrix and a human summary.
 */
export async function planStep(options: PlanStepOptions): Promise<void> {
  const { context, reporter } = options;
  const repo = context.repository ? parseRepository(context.repository) : undefined;
  const fork = forkPullRequest(context.eventName, context.payload);
  // Routing (runner labels, backends) of a fork's benchmarks comes from the base branch's maat.toml.
  const baseConfig = fork
    ? await readBaseConfig(options.octokit, repo, fork.baseSha, options.configPath)
    : undefined;
  if (fork)
    reporter.info(`Pull request from a fork: planning with ${options.configPath} of the base branch.`);
  const repository = await loadRepository(context.workspace, {
    configPath: options.configPath,
    globs: options.descriptorGlobs,
    ...(baseConfig === undefined ? {} : { config: baseConfig }),
  });
  for (const warning of repository.warnings) {
    reporter.annotate("warning", formatProblem(warning), at(warning));
  }
  for (const problem of repository.problems) {
    reporter.annotate("error", formatProblem(problem), at(problem));
  }
  if (repository.problems.length > 0) throw new InvalidDescriptorsError(repository.problems.length);

  const event = await readPlanEvent(options, repository.config.pullRequests.trustLabel);
  const plan = planRuns({
    event,
    descriptors: repository.descriptors,
    config: repository.config,
    now: options.now,
  });
  const matrix = toMatrix(plan);
  reporter.setOutput("matrix", JSON.stringify(matrix));
  reporter.setOutput("has-benchmarks", String(plan.entries.length > 0));
  reporter.info(`Planned ${plan.entries.length} benchmark(s), skipped ${plan.skipped.length}.`);
  for (const note of plan.notes) reporter.info(note);
  if (event.kind === "pull_request" && event.isFork) {
    const { trustLabel } = repository.config.pullRequests;
    // The label approves one look at one commit, whether or not that commit had anything to run.
    if (event.labels.includes(trustLabel)) await spendTrustLabel(options, event.prNumber, trustLabel);
    const gate = gateForkPullRequest(event, trustLabel);
    if (!gate.trusted) await tellMaintainers(options, event.prNumber, gate.note);
  }
  await reporter.appendSummary(plan.summaryMarkdown);
}

async function readPlanEvent(options: PlanStepOptions, trustLabel: string): Promise<PlanEvent> {
  const { context, octokit } = options;
  const payload = context.payload as {
    pull_request?: { number?: number };
    before?: string;
    after?: string;
    inputs?: { benchmarks?: unknown };
  };
  const repo = context.repository ? parseRepository(context.repository) : undefined;
  switch (context.eventName) {
    case "pull_request":
    case "pull_request_target": {
      if (!octokit || !repo)
        throw new Error("planning a pull request needs github-token to list its changed files");
      const changedFiles = await pullRequestFiles(octokit, repo, Number(payload.pull_request?.number));
      return planEventFromWebhook(context.eventName, payload, { changedFiles, trustLabel });
    }
    case "push": {
      const changedFiles =
        octokit && repo
          ? await pushFiles(octokit, repo, payload.before, payload.after).catch(() => undefined)
          : undefined;
      return planEventFromWebhook("push", payload, changedFiles ? { changedFiles } : {});
    }
    case "schedule": {
      const lastRunAt =
        octokit && repo
          ? await previousScheduledRun(octokit, repo, context.workflowRef, context.runId).catch((error) => {
              options.reporter.warning(
                `could not find the previous scheduled run (${error.message}); using the cron alone`,
              );
              return undefined;
            })
          : undefined;
      return planEventFromWebhook("schedule", payload, lastRunAt ? { lastRunAt } : {});
    }
    case "workflow_dispatch": {
      const fromPayload = payload.inputs?.benchmarks;
      const names =
        typeof fromPayload === "string" && fromPayload.trim() !== ""
          ? fromPayload
          : options.benchmarks.join(",");
      return planEventFromWebhook("workflow_dispatch", { inputs: { benchmarks: names } });
    }
    default:
      return planEventFromWebhook(context.eventName, payload);
  }
}

/**
 * A trust label approves one head commit: once that commit is planned the label comes off, so
 * the next push needs a maintainer to look and apply it again.
 */
async function spendTrustLabel(
  options: PlanStepOptions,
  prNumber: number,
  trustLabel: string,
): Promise<void> {
  const { context, octokit, reporter } = options;
  if (!octokit || !context.repository) return;
  try {
    await octokit.rest.issues.removeLabel({
      ...parseRepository(context.repository),
      issue_number: prNumber,
      name: trustLabel,
    });
    reporter.info(`Removed "${trustLabel}" from #${prNumber}: a new push needs a new approval.`);
  } catch (error) {
    reporter.warning(
      `could not remove "${trustLabel}" from #${prNumber} (${(error as Error).message}); remove it by hand so a new push needs a new approval`,
    );
  }
}

/**
 * A refused fork gets a word, not just a green job: a notice annotation, and the sticky comment
 * saying what a maintainer must do (a read-only fork token may not post it; then the notice stays).
 */
async function tellMaintainers(options: PlanStepOptions, prNumber: number, note: string): Promise<void> {
  const { context, octokit, reporter } = options;
  reporter.notice(note);
  if (!octokit || !context.repository) return;
  try {
    const body = `## Maat benchmark report\n\n⏸️ ${note}\n`;
    const target = {
      ...parseRepository(context.repository),
      issueNumber: prNumber,
      workflow: context.workflow,
    };
    const result = await upsertStickyComment(octokit, target, body);
    reporter.info(`Pull request comment ${result.action}: ${result.url}`);
  } catch (error) {
    reporter.warning(
      `could not comment on #${prNumber} (${(error as Error).message}); the notice above says what to do`,
    );
  }
}

function at(problem: { file: string; line: number; column: number }) {
  return { file: problem.file, line: problem.line, column: problem.column };
}
