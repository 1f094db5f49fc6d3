import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncRegressionIssues } from "../../src/github/regression-issues.js";
import { retryingOctokit } from "../support/fake-github/clients.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.js";

// Issue 10, item 18 (the same race for issues): a 5xx after GitHub opened the issue must not open a second.
let github: FakeGitHub;
beforeEach(async () => {
  github = await startFakeGitHub();
  github.state.addRepo({ owner: "ml-team", repo: "models", defaultBranch: "main" });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

describe("syncRegressionIssues and a 502 after the issue was saved", () => {
  it("opens exactly one issue", async () => {
    github.faults.inject({ kind: "server-error-after-write", operationId: "issues/create" });
    const actions = await syncRegressionIssues(
      retryingOctokit(github.url) as never,
      { owner: "ml-team", repo: "models" },
      [{ benchmark: "b", metric: "m", hardware: "h", state: "regression", details: "numbers" }],
      { labels: ["performance-regression"], assignees: [], closeAfterGoodRuns: 2 },
    );
    expect(github.faults.fired.map((f) => f.kind)).toEqual(["server-error-after-write"]);
    expect(github.state.issues()).toHaveLength(1);
    expect(actions).toEqual([
      { kind: "opened", number: github.state.issues()[0]!.number, fingerprint: expect.any(String) },
    ]);
  });
});
