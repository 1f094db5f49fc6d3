import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pinApiVersion, retryingOctokit } from "../support/fake-github/clients.js";
import { API_VERSION, type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.js";

let github: FakeGitHub;

beforeEach(async () => {
  github = await startFakeGitHub({
    users: [{ login: "reviewer", token: "ghp_reviewer" }],
    requireApiVersionHeader: true,
  });
  github.state.addRepo({ owner: "acme", repo: "models" });
  github.state.addPullRequest({ number: 7, headSha: "a".repeat(40) });
});

afterEach(async () => {
  expect(github.selfCheckFailures).toEqual([]);
  await github.close();
});

describe("issue comments through @octokit/rest with retry and throttling", () => {
  it("creates, updates and deletes a comment as the token's user", async () => {
    const octokit = retryingOctokit(github.url);
    const repo = { owner: "acme", repo: "models" };
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 7,
      body: "<!-- maat -->\nfirst",
    });
    expect(created.status).toBe(201);
    expect(created.data.user?.login).toBe("github-actions[bot]");
    expect(github.state.comments(7).map((c) => c.body)).toEqual(["<!-- maat -->\nfirst"]);

    const updated = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: created.data.id,
      body: "second",
    });
    expect(updated.data.body).toBe("second");
    expect(github.state.comments(7)[0]?.body).toBe("second");

    await octokit.rest.issues.deleteComment({ ...repo, comment_id: created.data.id });
    expect(github.state.comments(7)).toEqual([]);
    expect(github.violations).toEqual([]);
  });

  it("paginates 250 comments through 3 pages of 100", async () => {
    for (let i = 0; i < 250; i++) github.state.addComment(7, `comment ${i}`);
    const octokit = retryingOctokit(github.url);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: "acme",
      repo: "models",
      issue_number: 7,
      per_page: 100,
    });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i}`));
    const pages = github.requests.filter((r) => r.operationId === "issues/list-comments").map((r) => r.url);
    expect(pages).toHaveLength(3);
    expect(pages[2]).toContain("page=3");
    expect(github.violations).toEqual([]);
  });

  it("attributes comments to the user a token is mapped to", async () => {
    await retryingOctokit(github.url, "ghp_reviewer").rest.issues.createComment({
      owner: "acme",
      repo: "models",
      issue_number: 7,
      body: "looks good",
    });
    expect(github.state.comments(7)[0]?.user).toBe("reviewer");
    expect(github.violations).toEqual([]);
  });
});

describe("issue comments through @actions/github getOctokit", () => {
  it("lists comments seeded in the state, with the pinned API version sent", async () => {
    github.state.addComment(7, "hello", { user: "reviewer" });
    const octokit = getOctokit("ghs_action_token", { baseUrl: github.url });
    pinApiVersion(octokit);
    const { data } = await octokit.rest.issues.listComments({
      owner: "acme",
      repo: "models",
      issue_number: 7,
    });
    expect(data.map((c) => [c.user?.login, c.body])).toEqual([["reviewer", "hello"]]);
    expect(github.requests.at(-1)?.headers["x-github-api-version"]).toBe(API_VERSION);
    expect(github.violations).toEqual([]);
  });
});
