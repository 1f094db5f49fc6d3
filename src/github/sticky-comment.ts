import type { GitHubClient } from "./client.js";
import { readOwnLogin } from "./own-login.js";
import type { RepositoryRef } from "./repository.js";

/** A hidden line that identifies Maat's comment for one workflow on a pull request. */
export function stickyMarker(workflow: string): string {
  return `<!-- maat:report workflow=${encodeURIComponent(workflow)} -->`;
}

export interface StickyCommentResult {
  action: "created" | "updated";
  commentId: number;
  url: string;
}

/**
 * Creates or updates the one comment per workflow on a pull request. The comment is found
 * by its hidden marker AND by author (the token's own user), paging through all comments,
 * so a human quoting the marker is never overwritten and a long thread is never missed.
 * Extra copies left by a past race are deleted, so there is exactly one.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: RepositoryRef & { issueNumber: number; workflow: string },
  body: string,
): Promise<StickyCommentResult> {
  const marker = stickyMarker(target.workflow);
  const fullBody = `${marker}\n${body}`;
  const login = await readOwnLogin(octokit);
  const findOurs = async () => {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: 100,
    });
    return comments.filter((c) => c.user?.login === login && c.body?.includes(marker));
  };
  const ours = await findOurs();
  const [first, ...duplicates] = ours;
  for (const duplicate of duplicates) {
    await octokit.rest.issues.deleteComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: duplicate.id,
    });
  }
  if (first) {
    const { data } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: first.id,
      body: fullBody,
    });
    return { action: "updated", commentId: data.id, url: data.html_url };
  }
  // A create is not retried blindly: GitHub may have saved the comment before answering 5xx, so
  // after a failure look for the marker first, and create again only when it is not there.
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await octokit.rest.issues.createComment({
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        body: fullBody,
        request: { retries: 0 },
      });
      return { action: "created", commentId: data.id, url: data.html_url };
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      if (attempt >= 3 || (status !== 0 && status < 500)) throw error;
      const [saved] = await findOurs();
      if (saved) return { action: "created", commentId: saved.id, url: saved.html_url };
    }
  }
}
