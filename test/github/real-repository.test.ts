/**
 * Runs Maat's GitHub calls against a real repository, when credentials are given:
 *
 *   MAAT_TEST_GITHUB_TOKEN=ghp_... MAAT_TEST_GITHUB_REPO=owner/sandbox \
 *     npx vitest run test/github/real-repository.test.ts
 *
 * The token needs issues: write on a sandbox repository. The suite opens an issue, keeps one
 * sticky comment on it through two updates, then closes the issue. Without the variables it is
 * skipped, and its title says so.
 */
import { describe, expect, it } from "vitest";
import { createGitHubClient } from "../../src/github/client.js";
import { parseRepository } from "../../src/github/repository.js";
import { stickyMarker, upsertStickyComment } from "../../src/github/sticky-comment.js";

const token = process.env.MAAT_TEST_GITHUB_TOKEN;
const repository = process.env.MAAT_TEST_GITHUB_REPO;
const enabled = Boolean(token && repository);

describe.skipIf(!enabled)(
  enabled
    ? "against a real GitHub repository"
    : "against a real GitHub repository (skipped: set MAAT_TEST_GITHUB_TOKEN and MAAT_TEST_GITHUB_REPO)",
  () => {
    it("keeps exactly one sticky comment through updates", async () => {
      const octokit = createGitHubClient({
        token: token!,
        baseUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
      });
      const repo = parseRepository(repository!);
      const { data: issue } = await octokit.rest.issues.create({
        ...repo,
        title: `maat real-repository test ${new Date().toISOString()}`,
        body: "Opened and closed by Maat's test suite.",
      });
      try {
        const target = { ...repo, issueNumber: issue.number, workflow: "maat-test" };
        const first = await upsertStickyComment(octokit, target, "first body");
        const second = await upsertStickyComment(octokit, target, "second body");
        expect(first.action).toBe("created");
        expect(second).toMatchObject({ action: "updated", commentId: first.commentId });
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
          ...repo,
          issue_number: issue.number,
        });
        const ours = comments.filter((c) => c.body?.includes(stickyMarker("maat-test")));
        expect(ours).toHaveLength(1);
        expect(ours[0]!.body).toContain("second body");
      } finally {
        await octokit.rest.issues.update({ ...repo, issue_number: issue.number, state: "closed" });
      }
    }, 60_000);
  },
);
