import type { GitHubClient } from "../github/client.js";
import type { RepositoryRef } from "../github/repository.js";

const ZERO_SHA = /^0+$/;

/** Files a pull request changes (all pages; GitHub lists at most 3,000). */
export async function pullRequestFiles(
  octokit: GitHubClient,
  repo: RepositoryRef,
  number: number,
): Promise<string[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: number,
    per_page: 100,
  });
  return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
}

/**
 * Files a push changes, from the compare API (the payload lists at most 20 commits).
 * Undefined for a new branch (no `before`), where the payload's list is all there is.
 */
export async function pushFiles(
  octokit: GitHubClient,
  repo: RepositoryRef,
  before: string | undefined,
  after: string | undefined,
): Promise<string[] | undefined> {
  if (!before || !after || ZERO_SHA.test(before)) return undefined;
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: `${before}...${after}`,
  });
  return (data.files ?? []).map((f) => f.filename);
}
