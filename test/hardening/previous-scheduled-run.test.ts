import { describe, expect, it } from "vitest";
import { previousScheduledRun } from "../../src/workflow/previous-scheduled-run.js";
import { retryingOctokit } from "../support/fake-github/clients.js";
import { useFakeGitHub } from "../support/fake-github/use-fake-github.js";

// Issue 10, item 21: the previous scheduled run of THIS workflow, however many other runs came since.
const fakeGitHub = useFakeGitHub();

describe("previousScheduledRun", () => {
  it("filters by this workflow and pages past other workflows' newer scheduled runs", async () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 0, minutes)).toISOString();
    fakeGitHub().state.addWorkflowRun({
      headSha: "a".repeat(40),
      name: "benchmarks",
      workflowId: 7,
      event: "schedule",
      createdAt: at(0),
    });
    for (let i = 1; i <= 140; i++) {
      fakeGitHub().state.addWorkflowRun({
        headSha: "b".repeat(40),
        name: "nightly-lint",
        workflowId: 8,
        event: "schedule",
        createdAt: at(i),
      });
    }
    const current = fakeGitHub().state.addWorkflowRun({
      headSha: "c".repeat(40),
      name: "benchmarks",
      workflowId: 7,
      event: "schedule",
      createdAt: at(200),
    });
    const octokit = retryingOctokit(fakeGitHub().url);
    const previous = await previousScheduledRun(
      octokit as never,
      { owner: "ml-team", repo: "models" },
      "ml-team/models/.github/workflows/benchmarks.yml@refs/heads/main",
      String(current.id),
    );
    expect(previous?.toISOString()).toBe(at(0));
  });
});
