import type { ChangedFile, PullRequestRecord, RepoRecord } from "../records.js";
import { nodeId, type RepoContext, repoApiUrl, repoHtmlUrl } from "./context.js";
import { authorAssociation } from "./issue.js";
import { labelsNamed } from "./label.js";
import { repository } from "./repository.js";
import { simpleUser } from "./user.js";

/** `pull-request`, what `GET /repos/{owner}/{repo}/pulls/{pull_number}` answers. */
export function pullRequest(ctx: RepoContext, record: PullRequestRecord) {
  const issue = ctx.repo.issues.find((i) => i.number === record.number);
  if (!issue) throw new Error(`pull request #${record.number} has no issue record`);
  const apiUrl = `${repoApiUrl(ctx)}/pulls/${record.number}`;
  const htmlUrl = `${repoHtmlUrl(ctx)}/pull/${record.number}`;
  const issueUrl = `${repoApiUrl(ctx)}/issues/${record.number}`;
  const author = ctx.state.user(issue.user);
  const base = ctx.repo.repo;
  const [headOwner = base.owner, headName = base.repo] = record.headRepoFullName.split("/");
  const isFork = record.headRepoFullName.toLowerCase() !== `${base.owner}/${base.repo}`.toLowerCase();
  const headRepo: RepoRecord = isFork
    ? {
        owner: headOwner,
        repo: headName,
        id: base.id + 1_000_000,
        defaultBranch: base.defaultBranch,
        private: false,
      }
    : base;
  const link = (href: string) => ({ href });
  return {
    url: apiUrl,
    id: record.id,
    node_id: nodeId("PR_", record.id),
    html_url: htmlUrl,
    diff_url: `${htmlUrl}.diff`,
    patch_url: `${htmlUrl}.patch`,
    issue_url: issueUrl,
    commits_url: `${apiUrl}/commits`,
    review_comments_url: `${apiUrl}/comments`,
    review_comment_url: `${repoApiUrl(ctx)}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${repoApiUrl(ctx)}/statuses/${record.headSha}`,
    number: record.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: simpleUser(ctx, author),
    body: issue.body,
    labels: labelsNamed(ctx, issue.labels),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headOwner}:${record.headRef}`,
      ref: record.headRef,
      sha: record.headSha,
      user: simpleUser(ctx, ctx.state.user(headOwner)),
      repo: repository(ctx, headRepo, { fork: isFork }),
    },
    base: {
      label: `${base.owner}:${record.baseRef}`,
      ref: record.baseRef,
      sha: record.baseSha,
      user: simpleUser(ctx, ctx.state.user(base.owner)),
      repo: repository(ctx, base),
    },
    _links: {
      self: link(apiUrl),
      html: link(htmlUrl),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${apiUrl}/comments`),
      review_comment: link(`${repoApiUrl(ctx)}/pulls/comments{/number}`),
      commits: link(`${apiUrl}/commits`),
      statuses: link(`${repoApiUrl(ctx)}/statuses/${record.headSha}`),
    },
    author_association: authorAssociation(ctx, author),
    auto_merge: null,
    draft: record.draft,
    merged: record.merged,
    mergeable: true,
    rebaseable: true,
    mergeable_state: "clean",
    merged_by: null,
    comments: ctx.repo.comments.filter((c) => c.issueNumber === record.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: sum(record.files, "additions"),
    deletions: sum(record.files, "deletions"),
    changed_files: record.files.length,
  };
}

/** `diff-entry`, one changed file of a pull request or comparison. */
export function diffEntry(ctx: RepoContext, file: ChangedFile, ref: string) {
  const additions = file.additions ?? (file.status === "removed" ? 0 : 1);
  const deletions = file.deletions ?? (file.status === "added" ? 0 : file.status === "renamed" ? 0 : 1);
  const path = file.filename.split("/").map(encodeURIComponent).join("/");
  return {
    sha: blobSha(file.filename),
    filename: file.filename,
    status: file.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${repoHtmlUrl(ctx)}/blob/${ref}/${path}`,
    raw_url: `${repoHtmlUrl(ctx)}/raw/${ref}/${path}`,
    contents_url: `${repoApiUrl(ctx)}/contents/${path}?ref=${ref}`,
    ...(file.previousFilename && { previous_filename: file.previousFilename }),
  };
}

function sum(files: ChangedFile[], key: "additions" | "deletions"): number {
  return files.reduce((total, f) => total + (f[key] ?? 1), 0);
}

/** A stable fake blob SHA per path: 40 hex characters derived from the name. */
function blobSha(filename: string): string {
  let hash = 0x811c9dc5;
  for (const char of filename) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0").repeat(5);
}
