/**
 * A GitHub API failure in words a user can act on: which request, what GitHub answered, and that
 * re-running is safe (every write Maat makes is found again by its marker, never duplicated).
 * Undefined when the error did not come from GitHub's API.
 */
export function describeGitHubFailure(error: unknown): string | undefined {
  const e = error as { status?: unknown; request?: { method?: string; url?: string }; message?: string };
  if (typeof e?.status !== "number" || e.request?.url === undefined) return undefined;
  const request = `${e.request.method ?? "GET"} ${new URL(e.request.url).pathname}`;
  const answer = `${e.status}${e.message ? ` (${e.message.split("\n")[0]})` : ""}`;
  if (e.status >= 500) {
    return `GitHub kept failing: it answered ${answer} to ${request}, also after retries. This is on GitHub's side; re-running the job is safe (Maat finds its comment, issues and baseline commits again instead of duplicating them).`;
  }
  return `GitHub refused ${request} with ${answer}; check the token's permissions (github-token input and the job's permissions:).`;
}
