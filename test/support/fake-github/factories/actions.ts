import type { ArtifactRecord, WorkflowRunRecord } from "../records.js";
import { nodeId, type RepoContext, repoApiUrl, repoHtmlUrl } from "./context.js";
import { fromExample } from "./from-example.js";

/** `workflow-run`, built on GitHub's example with the fake's repository and run details. */
export function workflowRun(ctx: RepoContext, record: WorkflowRunRecord) {
  const { owner, repo } = ctx.repo.repo;
  const example = fromExample("workflow-run", [
    ["https://api.github.com", ctx.apiUrl],
    ["octo-org/octo-repo", `${owner}/${repo}`],
    ["octocat/Hello-World", `${owner}/${repo}`],
  ]);
  const url = `${repoApiUrl(ctx)}/actions/runs/${record.id}`;
  const headCommit = example.head_commit as Record<string, unknown>;
  return {
    ...example,
    id: record.id,
    node_id: nodeId("WFR_", record.id),
    name: record.name,
    display_title: record.name,
    head_branch: record.headBranch,
    head_sha: record.headSha,
    path: `.github/workflows/${record.name}.yml`,
    run_number: record.runNumber,
    run_attempt: 1,
    event: record.event,
    status: record.status,
    conclusion: record.conclusion,
    workflow_id: record.workflowId,
    url,
    html_url: `${repoHtmlUrl(ctx)}/actions/runs/${record.id}`,
    pull_requests: [],
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    run_started_at: record.createdAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${repoApiUrl(ctx)}/actions/workflows/${record.workflowId}`,
    head_commit: { ...headCommit, id: record.headSha, tree_id: record.headSha, timestamp: record.createdAt },
  };
}

/** `artifact`. */
export function artifact(ctx: RepoContext, record: ArtifactRecord) {
  const url = `${repoApiUrl(ctx)}/actions/artifacts/${record.id}`;
  const run = ctx.repo.runs.find((r) => r.id === record.runId);
  return {
    id: record.id,
    node_id: nodeId("MDg6QXJ0aWZhY3Q", record.id),
    name: record.name,
    size_in_bytes: record.sizeInBytes,
    url,
    archive_download_url: `${url}/zip`,
    expired: record.expired,
    digest: null,
    created_at: record.createdAt,
    expires_at: record.expiresAt,
    updated_at: record.createdAt,
    workflow_run: {
      id: record.runId,
      repository_id: ctx.repo.repo.id,
      head_repository_id: ctx.repo.repo.id,
      head_branch: run?.headBranch ?? ctx.repo.repo.defaultBranch,
      head_sha: run?.headSha ?? "0".repeat(40),
    },
  };
}
