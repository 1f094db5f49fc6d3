import { Octokit } from "@octokit/rest";
import { expect, it } from "vitest";
import { pinApiVersion } from "../support/fake-github/clients.js";
import { HANDLERS } from "../support/fake-github/handlers/index.js";
import { startFakeGitHub } from "../support/fake-github/index.js";

it("every operation the fake serves answers a valid request with a schema-valid response", async () => {
  const github = await startFakeGitHub({
    users: [{ login: "maintainer", token: "ghp_maintainer" }],
    requireApiVersionHeader: true,
  });
  try {
    const repo = { owner: "acme", repo: "models" };
    github.state.addRepo(repo);
    github.state.addPullRequest({
      number: 1,
      headSha: "a".repeat(40),
      files: [{ filename: "a.py", status: "added" }],
      labels: ["perf"],
    });
    github.state.setComparison({
      base: "main",
      head: "b".repeat(40),
      files: [{ filename: "b.py", status: "renamed", previousFilename: "c.py" }],
    });
    const run = github.state.addWorkflowRun({ headSha: "a".repeat(40), event: "schedule" });
    github.state.addArtifact(run.id, "maat-results");
    // No throttling plugin here: its one-second spacing of writes would only slow this down.
    const octokit = new Octokit({ auth: "ghs_action_token", baseUrl: github.url });
    pinApiVersion(octokit);
    const issue = await octokit.rest.issues.create({
      ...repo,
      title: "Regression",
      body: "slower",
      labels: ["maat"],
    });
    const issueNumber = { ...repo, issue_number: issue.data.number };
    const comment = await octokit.rest.issues.createComment({ ...issueNumber, body: "x" });
    await octokit.rest.issues.listComments(issueNumber);
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.data.id, body: "y" });
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: comment.data.id });
    await octokit.rest.issues.listForRepo({ ...repo, state: "all" });
    await octokit.rest.issues.get(issueNumber);
    await octokit.rest.issues.update({ ...issueNumber, state: "closed", state_reason: "not_planned" });
    await octokit.rest.issues.listLabelsForRepo(repo);
    await octokit.rest.issues.createLabel({
      ...repo,
      name: "maat:trusted",
      color: "00ff00",
      description: "runs benchmarks",
    });
    await octokit.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ["maat:trusted"] });
    await octokit.rest.issues.listLabelsOnIssue({ ...repo, issue_number: 1 });
    await octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: "perf" });
    await octokit.rest.issues.listEvents({ ...repo, issue_number: 1 });
    await octokit.rest.pulls.get({ ...repo, pull_number: 1 });
    await octokit.rest.pulls.listFiles({ ...repo, pull_number: 1 });
    await octokit.rest.pulls.create({
      ...repo,
      title: "Baselines",
      head: "maat/baselines",
      base: "main",
      body: "new",
      draft: true,
    });
    const maintainer = new Octokit({ auth: "ghp_maintainer", baseUrl: github.url });
    pinApiVersion(maintainer);
    await maintainer.rest.users.getAuthenticated();
    await octokit.rest.repos.get(repo);
    await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `main...${"b".repeat(40)}` });
    await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, event: "schedule", status: "completed" });
    await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: "maat.yml", event: "schedule" });
    github.state.setFile("main", "maat.toml", '[runners]\ndefault = ["x"]\n', { repo: "acme/models" });
    await octokit.rest.repos.getContent({ ...repo, path: "maat.toml", ref: "main" });
    await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: run.id });

    const answered = new Set(github.requests.filter((r) => r.status < 400).map((r) => r.operationId));
    expect([...HANDLERS.keys()].filter((id) => !answered.has(id))).toEqual([]);
    expect(github.selfCheckFailures).toEqual([]);
    expect(github.violations).toEqual([]);
  } finally {
    await github.close();
  }
});
