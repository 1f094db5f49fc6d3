import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { retryingOctokit } from "../support/fake-github/clients.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.js";

let github: FakeGitHub;
const repo = { owner: "acme", repo: "models" };

beforeEach(async () => {
  github = await startFakeGitHub({ requireApiVersionHeader: true });
  github.state.addRepo(repo);
});

afterEach(async () => {
  expect(github.selfCheckFailures).toEqual([]);
  expect(github.violations).toEqual([]);
  await github.close();
});

describe("regression issues", () => {
  it("are created, found by label, commented on and closed as completed", async () => {
    const octokit = retryingOctokit(github.url);
    github.state.addIssue({ title: "unrelated", labels: ["bug"] });
    github.state.addPullRequest({ headSha: "b".repeat(40), labels: ["maat-regression"] });
    const created = await octokit.rest.issues.create({
      ...repo,
      title: "Regression: p50 latency",
      labels: ["maat-regression"],
    });
    expect(created.data.labels).toEqual([expect.objectContaining({ name: "maat-regression" })]);

    const listed = await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      labels: "maat-regression",
      state: "open",
    });
    // GitHub lists pull requests among issues; they carry `pull_request`.
    expect(listed.map((i) => [i.title, i.pull_request === undefined])).toEqual([
      ["Regression: p50 latency", true],
      ["Pull request", false],
    ]);

    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: created.data.number,
      body: "still slow",
    });
    await octokit.rest.issues.update({
      ...repo,
      issue_number: created.data.number,
      state: "closed",
      state_reason: "completed",
    });
    const [issue] = github.state.issues().filter((i) => i.number === created.data.number);
    expect(issue).toMatchObject({ state: "closed", stateReason: "completed" });
    expect(issue?.closedAt).not.toBeNull();
    expect(github.state.comments(created.data.number).map((c) => c.body)).toEqual(["still slow"]);
  });

  it("are listed by state, creator and page like GitHub", async () => {
    for (let i = 0; i < 5; i++) github.state.addIssue({ title: `open ${i}`, user: i % 2 ? "alice" : "bob" });
    github.state.addIssue({ title: "closed", state: "closed", user: "alice" });
    const octokit = retryingOctokit(github.url);
    const byAlice = await octokit.rest.issues.listForRepo({ ...repo, creator: "alice", state: "all" });
    expect(byAlice.data.map((i) => i.title)).toEqual(["closed", "open 3", "open 1"]);
    const secondPage = await octokit.rest.issues.listForRepo({ ...repo, per_page: 2, page: 2 });
    expect(secondPage.data.map((i) => i.title)).toEqual(["open 2", "open 1"]);
    expect(secondPage.headers.link).toContain('rel="prev"');
  });
});

describe("labels and their events", () => {
  it("records when and by whom a trust label was applied", async () => {
    github.state.addPullRequest({ number: 3, headSha: "c".repeat(40) });
    github.state.applyLabel(3, "maat:trusted", { actor: "maintainer", at: "2025-01-02T03:04:05Z" });
    const octokit = retryingOctokit(github.url);
    const events = await octokit.paginate(octokit.rest.issues.listEvents, { ...repo, issue_number: 3 });
    expect(events).toEqual([
      expect.objectContaining({
        event: "labeled",
        created_at: "2025-01-02T03:04:05Z",
        actor: expect.objectContaining({ login: "maintainer" }),
        label: { name: "maat:trusted", color: "ededed" },
        commit_id: null,
      }),
    ]);
    expect(github.state.events(3)[0]?.commitId).toBe("c".repeat(40));
  });

  it("are created, added to an issue, listed and removed", async () => {
    const octokit = retryingOctokit(github.url);
    github.state.addIssue({ title: "x" });
    await octokit.rest.issues.createLabel({ ...repo, name: "perf", color: "ff0000" });
    await expect(octokit.rest.issues.createLabel({ ...repo, name: "perf" })).rejects.toMatchObject({
      status: 422,
    });
    const added = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: 1,
      labels: ["perf", "new-one"],
    });
    expect(added.data.map((l) => l.name)).toEqual(["perf", "new-one"]);
    const onIssue = await octokit.rest.issues.listLabelsOnIssue({ ...repo, issue_number: 1 });
    expect(onIssue.data.map((l) => l.name)).toEqual(["perf", "new-one"]);
    await octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: "perf" });
    const repoLabels = await octokit.rest.issues.listLabelsForRepo(repo);
    expect(repoLabels.data.map((l) => l.name)).toEqual(["perf", "new-one"]);
    expect(github.state.events(1).map((e) => [e.event, e.label?.name, e.actor])).toEqual([
      ["labeled", "perf", "github-actions[bot]"],
      ["labeled", "new-one", "github-actions[bot]"],
      ["unlabeled", "perf", "github-actions[bot]"],
    ]);
    // The duplicate label answered 422 on purpose, which is not a contract violation.
    expect(github.requests.filter((r) => r.status === 422)).toHaveLength(1);
  });
});
