import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { retryingOctokit } from "../support/fake-github/clients.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.js";

let github: FakeGitHub;
const comments = { owner: "acme", repo: "models", issue_number: 1 };
const template = "/repos/{owner}/{repo}/issues/{issue_number}/comments";

beforeEach(async () => {
  github = await startFakeGitHub();
  github.state.addRepo({ owner: "acme", repo: "models" });
  github.state.addIssue({ title: "an issue" });
});

afterEach(async () => {
  expect(github.selfCheckFailures).toEqual([]);
  expect(github.violations).toEqual([]);
  await github.close();
});

function statusesOf(operationId: string): number[] {
  return github.requests.filter((r) => r.operationId === operationId).map((r) => r.status);
}

describe("faults the plugins recover from", () => {
  it("a secondary rate limit on creating a comment is waited out and retried", async () => {
    github.faults.secondaryRateLimit({ method: "POST", path: template });
    const response = await retryingOctokit(github.url).rest.issues.createComment({ ...comments, body: "x" });
    expect(response.status).toBe(201);
    expect(statusesOf("issues/create-comment")).toEqual([403, 201]);
    expect(github.state.comments(1)).toHaveLength(1);
  });

  it("a 429 with retry-after is retried", async () => {
    github.faults.inject({ kind: "too-many-requests", operationId: "issues/list-comments" });
    await retryingOctokit(github.url).rest.issues.listComments(comments);
    expect(statusesOf("issues/list-comments")).toEqual([429, 200]);
  });

  it("502 and 503 answers are retried with back-off", async () => {
    github.faults.serverError({ operationId: "issues/get" }, 502);
    github.faults.serverError({ operationId: "issues/get" }, 503);
    const response = await retryingOctokit(github.url).rest.issues.get(comments);
    expect(response.data.title).toBe("an issue");
    expect(statusesOf("issues/get")).toEqual([502, 503, 200]);
  });

  it("an exhausted primary rate limit answers 403 with remaining 0 until the reset", async () => {
    github.faults.exhaustPrimaryRateLimit({ resetAfterSeconds: 1 });
    const direct = await fetch(`${github.url}/repos/acme/models`, { headers: { authorization: "token t" } });
    expect(direct.status).toBe(403);
    expect(direct.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(direct.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(
      Math.floor(Date.now() / 1000),
    );
    const response = await retryingOctokit(github.url).rest.repos.get({ owner: "acme", repo: "models" });
    expect(response.data.default_branch).toBe("main");
    expect(statusesOf("repos/get").at(-1)).toBe(200);
  });

  it("faults only hit matching requests and only as many times as asked", async () => {
    github.faults.serverError({ method: "DELETE" }, 500, 2);
    await retryingOctokit(github.url).rest.issues.listComments(comments);
    expect(github.faults.pending()).toHaveLength(1);
    expect(github.faults.fired).toEqual([]);
  });
});

describe("faults that need a client-side timeout", () => {
  it("a hanging request stays unanswered until the client aborts", async () => {
    github.faults.inject({ kind: "hang", operationId: "issues/get" });
    const octokit = retryingOctokit(github.url);
    await expect(
      octokit.rest.issues.get({ ...comments, request: { signal: AbortSignal.timeout(200) } }),
    ).rejects.toThrow();
    expect(github.faults.fired.map((f) => f.kind)).toEqual(["hang"]);
  });

  it("a slow answer arrives after its delay", async () => {
    github.faults.inject({ kind: "slow", delayMs: 300, operationId: "issues/get" });
    const started = Date.now();
    await retryingOctokit(github.url).rest.issues.get(comments);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
