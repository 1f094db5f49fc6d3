import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actionEnvironment } from "../support/fake-github/action-env.js";
import {
  pullRequestEvent,
  pushEvent,
  scheduleEvent,
  workflowDispatchEvent,
} from "../support/fake-github/events.js";
import { startFakeGitHub } from "../support/fake-github/index.js";

const target = { owner: "acme", repo: "models", defaultBranch: "trunk" };

describe("webhook payloads for end-to-end tests", () => {
  it("a same-repository pull_request names the repository, number and head SHA everywhere", () => {
    const event = pullRequestEvent({ ...target, number: 7, headSha: "a".repeat(40) });
    expect(event).toMatchObject({
      action: "synchronize",
      number: 7,
      after: "a".repeat(40),
      repository: { full_name: "acme/models" },
    });
    expect(event.pull_request).toMatchObject({
      number: 7,
      head: { sha: "a".repeat(40), repo: { full_name: "acme/models", fork: false } },
      base: { ref: "trunk", repo: { full_name: "acme/models", default_branch: "trunk" } },
    });
    expect(JSON.stringify(event)).not.toContain("Codertocat/Hello-World");
    expect(event.installation).toBeUndefined();
  });

  it("a pull_request from a fork has the fork as head repository", () => {
    const event = pullRequestEvent({
      ...target,
      number: 8,
      headSha: "b".repeat(40),
      forkOwner: "stranger",
      action: "opened",
    });
    expect(event.pull_request.head).toMatchObject({
      label: "stranger:feature-8",
      repo: { full_name: "stranger/models", fork: true },
    });
    expect(event.pull_request.head.repo.owner.login).toBe("stranger");
    expect(event.repository.full_name).toBe("acme/models");
    expect(event.sender.login).toBe("stranger");
  });

  it("a labeled pull_request carries the label", () => {
    const event = pullRequestEvent({
      ...target,
      number: 9,
      headSha: "c".repeat(40),
      action: "labeled",
      label: "maat:trusted",
    });
    expect(event.label.name).toBe("maat:trusted");
  });

  it("a push names the branch and both SHAs", () => {
    const event = pushEvent({ ...target, before: "1".repeat(40), after: "2".repeat(40) });
    expect(event).toMatchObject({
      ref: "refs/heads/trunk",
      before: "1".repeat(40),
      after: "2".repeat(40),
      created: false,
    });
    expect(event.head_commit.id).toBe("2".repeat(40));
  });

  it("schedule and workflow_dispatch carry the repository", () => {
    expect(scheduleEvent({ ...target, cron: "0 4 * * 1" })).toMatchObject({
      schedule: "0 4 * * 1",
      repository: { full_name: "acme/models" },
    });
    const dispatch = workflowDispatchEvent({ ...target, inputs: { suite: "smoke" } });
    expect(dispatch).toMatchObject({
      ref: "refs/heads/trunk",
      inputs: { suite: "smoke" },
      repository: { full_name: "acme/models" },
    });
  });

  it("actionEnvironment writes the event file and points GITHUB_API_URL at the fake", async () => {
    const github = await startFakeGitHub();
    try {
      const dir = mkdtempSync(join(tmpdir(), "maat-event-"));
      const payload = pushEvent({ ...target, before: "1".repeat(40), after: "2".repeat(40) });
      const env = actionEnvironment({
        github,
        eventName: "push",
        payload,
        dir,
        repository: "acme/models",
        sha: "2".repeat(40),
        ref: "refs/heads/trunk",
      });
      expect(env.GITHUB_API_URL).toBe(github.url);
      expect(JSON.parse(readFileSync(env.GITHUB_EVENT_PATH!, "utf8"))).toEqual(payload);
    } finally {
      await github.close();
    }
  });
});
