import type { CommentRecord, IssueRecord, UserRecord } from "../records.js";
import { nodeId, type RepoContext, repoApiUrl, repoHtmlUrl } from "./context.js";
import { labelsNamed } from "./label.js";
import { simpleUser } from "./user.js";

/** `issue`; pull requests carry the `pull_request` key, as on GitHub. */
export function issue(ctx: RepoContext, record: IssueRecord) {
  const url = `${repoApiUrl(ctx)}/issues/${record.number}`;
  const author = ctx.state.user(record.user);
  return {
    id: record.id,
    node_id: nodeId(record.isPullRequest ? "PR_" : "I_", record.id),
    url,
    repository_url: repoApiUrl(ctx),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${repoHtmlUrl(ctx)}/${record.isPullRequest ? "pull" : "issues"}/${record.number}`,
    number: record.number,
    state: record.state,
    state_reason: record.stateReason,
    title: record.title,
    body: record.body,
    user: simpleUser(ctx, author),
    labels: labelsNamed(ctx, record.labels),
    assignee: record.assignees[0] ? simpleUser(ctx, ctx.state.user(record.assignees[0])) : null,
    assignees: record.assignees.map((login) => simpleUser(ctx, ctx.state.user(login))),
    milestone: null,
    locked: record.locked,
    active_lock_reason: null,
    comments: ctx.repo.comments.filter((c) => c.issueNumber === record.number).length,
    closed_at: record.closedAt,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    author_association: authorAssociation(ctx, author),
    ...(record.isPullRequest && {
      pull_request: {
        url: `${repoApiUrl(ctx)}/pulls/${record.number}`,
        html_url: `${repoHtmlUrl(ctx)}/pull/${record.number}`,
        diff_url: `${repoHtmlUrl(ctx)}/pull/${record.number}.diff`,
        patch_url: `${repoHtmlUrl(ctx)}/pull/${record.number}.patch`,
        merged_at: null,
      },
    }),
  };
}

/** `issue-comment`. */
export function issueComment(ctx: RepoContext, record: CommentRecord) {
  const author = ctx.state.user(record.user);
  const issueRecord = ctx.repo.issues.find((i) => i.number === record.issueNumber);
  return {
    id: record.id,
    node_id: nodeId("IC_", record.id),
    url: `${repoApiUrl(ctx)}/issues/comments/${record.id}`,
    html_url: `${repoHtmlUrl(ctx)}/${issueRecord?.isPullRequest ? "pull" : "issues"}/${record.issueNumber}#issuecomment-${record.id}`,
    issue_url: `${repoApiUrl(ctx)}/issues/${record.issueNumber}`,
    body: record.body,
    user: simpleUser(ctx, author),
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    author_association: authorAssociation(ctx, author),
  };
}

export function authorAssociation(ctx: RepoContext, user: UserRecord) {
  if (user.association) return user.association;
  return user.login.toLowerCase() === ctx.repo.repo.owner.toLowerCase() ? "OWNER" : "NONE";
}
