import type { ComparisonRecord } from "../records.js";
import { type RepoContext, repoApiUrl, repoHtmlUrl } from "./context.js";
import { fromExample } from "./from-example.js";
import { diffEntry } from "./pull-request.js";

/** `commit-comparison`: GitHub's example commits, re-labelled with the fake's SHAs and files. */
export function commitComparison(ctx: RepoContext, record: ComparisonRecord) {
  const { owner, repo } = ctx.repo.repo;
  const example = fromExample("commit-comparison", [
    ["https://api.github.com", ctx.apiUrl],
    ["octocat/Hello-World", `${owner}/${repo}`],
  ]);
  const template = example.base_commit as Record<string, unknown>;
  const commit = (sha: string) => ({
    ...template,
    sha,
    url: `${repoApiUrl(ctx)}/commits/${sha}`,
    html_url: `${repoHtmlUrl(ctx)}/commit/${sha}`,
    comments_url: `${repoApiUrl(ctx)}/commits/${sha}/comments`,
  });
  const basehead = `${record.base}...${record.head}`;
  return {
    ...example,
    url: `${repoApiUrl(ctx)}/compare/${basehead}`,
    html_url: `${repoHtmlUrl(ctx)}/compare/${basehead}`,
    permalink_url: `${repoHtmlUrl(ctx)}/compare/${basehead}`,
    diff_url: `${repoHtmlUrl(ctx)}/compare/${basehead}.diff`,
    patch_url: `${repoHtmlUrl(ctx)}/compare/${basehead}.patch`,
    base_commit: commit(record.base),
    merge_base_commit: commit(record.base),
    status: record.status,
    ahead_by: record.aheadBy,
    behind_by: record.behindBy,
    total_commits: record.commits.length,
    commits: record.commits.map(commit),
    files: record.files.map((file) => diffEntry(ctx, file, record.head)),
  };
}
