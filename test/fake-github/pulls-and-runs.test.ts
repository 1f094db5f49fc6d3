import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { retryingOctokit } from "../support/fake-github/clients.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.js";

let github: FakeGitHub;
const repo = { owner: "acme", repo: "models" };

beforeEach(async () => {
  github = await startFakeGitHub({
    users: [{ login: "maintainer", token: "ghp_maintainer" }],
    requireApiVersionHeader: true,
  });
  github.state.addRepo({ ...repo, defaultBranch: "trunk" });
});

afterEach(async () => {
  expect(github.selfCheckFailures).toEqual([]);
  expect(github.violations).toEqual([]);
  await github.close();
});

describe("pull requests", () => {
  it("from a fork report the fork as head repository", async () => {
    github.state.addPullRequest({
      number: 12,
      headSha: "d".repeat(40),
      headRepoFullName: "stranger/models",
      labels: ["perf"],
    });
    const { data } = await retryingOctokit(github.url).rest.pulls.get({ ...repo, pull_number: 12 });
    expect(data.head).toMatchObject({
      sha: "d".repeat(40),
      repo: { full_name: "stranger/models", fork: true },
    });
    expect(data.base).toMatchObject({ ref: "trunk", repo: { full_name: "acme/models", fork: false } });
    expect(data.labels.map((l) => l.name)).toEqual(["perf"]);
  });

  it("list their changed files over several pages", async () => {
    const files = Array.from({ length: 45 }, (_, i) => ({
      filename: `bench/case-${i}.toml`,
      status: "modified" as const,
    }));
    github.state.addPullRequest({ number: 4, headSha: "e".repeat(40), files });
    const octokit = retryingOctokit(github.url);
    const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: 4 });
    expect(listed.map((f) => f.filename)).toEqual(files.map((f) => f.filename));
    expect(github.requests.filter((r) => r.operationId === "pulls/list-files")).toHaveLength(2);
  });

  it("are opened for baselines and refused twice for the same branch", async () => {
    const octokit = retryingOctokit(github.url);
    const created = await octokit.rest.pulls.create({
      ...repo,
      title: "Update baselines",
      head: "maat/baselines",
      base: "trunk",
    });
    expect(created.status).toBe(201);
    expect(github.state.pulls().map((p) => [p.headRef, p.baseRef])).toEqual([["maat/baselines", "trunk"]]);
    await expect(
      octokit.rest.pulls.create({ ...repo, head: "maat/baselines", base: "trunk" }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("a missing pull request answers 404", async () => {
    await expect(
      retryingOctokit(github.url).rest.pulls.get({ ...repo, pull_number: 99 }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("users and repositories", () => {
  it("GET /user is forbidden to the Actions token, as on GitHub", async () => {
    await expect(retryingOctokit(github.url).rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Resource not accessible by integration"),
    });
  });

  it("GET /user answers the user a personal token belongs to", async () => {
    const { data } = await retryingOctokit(github.url, "ghp_maintainer").rest.users.getAuthenticated();
    expect(data.login).toBe("maintainer");
  });

  it("a repository reports its default branch", async () => {
    const { data } = await retryingOctokit(github.url).rest.repos.get(repo);
    expect(data.default_branch).toBe("trunk");
    expect(data.full_name).toBe("acme/models");
  });

  it("a comparison lists the files changed by a push", async () => {
    github.state.setComparison({
      base: "1".repeat(40),
      head: "2".repeat(40),
      files: [{ filename: "model.py", status: "modified" }],
    });
    const { data } = await retryingOctokit(github.url).rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${"1".repeat(40)}...${"2".repeat(40)}`,
    });
    expect(data.files?.map((f) => f.filename)).toEqual(["model.py"]);
  });
});

describe("workflow runs and artifacts", () => {
  it("the previous successful scheduled run is found newest first", async () => {
    github.state.addWorkflowRun({
      headSha: "3".repeat(40),
      event: "schedule",
      createdAt: "2025-01-01T03:00:00Z",
    });
    const latest = github.state.addWorkflowRun({
      headSha: "4".repeat(40),
      event: "schedule",
      createdAt: "2025-01-02T03:00:00Z",
    });
    github.state.addWorkflowRun({
      headSha: "5".repeat(40),
      event: "schedule",
      status: "in_progress",
      conclusion: null,
    });
    github.state.addWorkflowRun({ headSha: "6".repeat(40), event: "push" });
    const { data } = await retryingOctokit(github.url).rest.actions.listWorkflowRunsForRepo({
      ...repo,
      event: "schedule",
      status: "success",
      per_page: 1,
    });
    expect(data.total_count).toBe(2);
    expect(data.workflow_runs.map((r) => r.id)).toEqual([latest.id]);
  });

  it("artifacts of a run are listed and filtered by name", async () => {
    const run = github.state.addWorkflowRun({ headSha: "7".repeat(40) });
    github.state.addArtifact(run.id, "maat-results");
    github.state.addArtifact(run.id, "other");
    const octokit = retryingOctokit(github.url);
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({
      ...repo,
      run_id: run.id,
      name: "maat-results",
    });
    expect(data.artifacts.map((a) => a.name)).toEqual(["maat-results"]);
    const all = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
      ...repo,
      run_id: run.id,
      per_page: 1,
    });
    expect(all.map((a) => a.name)).toEqual(["maat-results", "other"]);
  });
});
