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
  // This workflow's scheduled runs only, newest first, page after page until the previous one.
  const pages = octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
    ...repo,
    workflow_id: file,
    event: "schedule",
    per_page: 100,
  });
  for await (const { data } of pages) {
    const previous = data.find((run) => String(run.id) !== currentRunId);
    if (previous) return new Date(previous.run_started_at ?? previous.created_at);
  }
  return undefined;
}
