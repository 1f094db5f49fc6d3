import type { GitHubClient } from "../github/client.js";
import type { RepositoryRef } from "../github/repository.js";

/**
 * Start of the previous scheduled run of this workflow, so the planner's window starts where
 * the last one ended (no cron fire missed or run twice). Undefined when unknown.
 */
export async function previousScheduledRun(
  octokit: GitHubClient,
  repo: RepositoryRef,
  workflowRef: string,
  currentRunId: string,
): Promise<Date | undefined> {
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/file.yml@refs/heads/main
  const file = /\.github\/workflows\/([^@]+)@/.exec(workflowRef)?.[1];
  if (!file) return undefined;
  const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({
    ...repo,
    event: "schedule",
    per_page: 30,
  });
  const previous = data.workflow_runs.find(
    (run) => String(run.id) !== currentRunId && (run.path === undefined || run.path.endsWith(file)),
  );
  return previous ? new Date(previous.run_started_at ?? previous.created_at) : undefined;
}
