import { describe, expect, it } from "vitest";
import { syncRegressionIssues } from "../../src/github/regression-issues.js";
import { retryingOctokit } from "../support/fake-github/clients.js";
import { useFakeGitHub } from "../support/fake-github/use-fake-github.js";

// Issue 10, item 18 (the same race for issues): a 5xx after GitHub opened the issue must not open a second.
const fakeGitHub = useFakeGitHub();

describe("syncRegressionIssues and a 502 after the issue was saved", () => {
  it("opens exactly one issue", async () => {
    fakeGitHub().faults.inject({ kind: "server-error-after-write", operationId: "issues/create" });
    const actions = await syncRegressionIssues(
      retryingOctokit(fakeGitHub().url) as never,
      { owner: "ml-team", repo: "models" },
      [{ benchmark: "b", metric: "m", hardware: "h", state: "regression", details: "numbers" }],
      { labels: ["performance-regression"], assignees: [], closeAfterGoodRuns: 2 },
    );
    expect(fakeGitHub().faults.fired.map((f) => f.kind)).toEqual(["server-error-after-write"]);
    expect(fakeGitHub().state.issues()).toHaveLength(1);
    expect(actions).toEqual([
      { kind: "opened", number: fakeGitHub().state.issues()[0]!.number, fingerprint: expect.any(String) },
    ]);
  });
});
