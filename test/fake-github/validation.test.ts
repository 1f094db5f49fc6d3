import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.js";
import { loadGitHubSpec } from "../support/fake-github/openapi/spec.js";
import { OperationValidators } from "../support/fake-github/openapi/validators.js";

let github: FakeGitHub;
const auth = { authorization: "token ghs_action_token", "content-type": "application/json" };

beforeEach(async () => {
  github = await startFakeGitHub();
  github.state.addRepo({ owner: "acme", repo: "models" });
  github.state.addIssue({ title: "an issue" });
});

afterEach(async () => {
  expect(github.selfCheckFailures).toEqual([]);
  await github.close();
});

async function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${github.url}${path}`, {
    method,
    headers: options.headers ?? auth,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { message: string; documentation_url: string; errors?: unknown[] },
  };
}

describe("requests that break GitHub's contract", () => {
  it("a comment whose body is a number is rejected with 422 and recorded", async () => {
    const { status, body } = await call("POST", "/repos/acme/models/issues/1/comments", {
      body: { body: 123 },
    });
    expect(status).toBe(422);
    expect(body.message).toMatch(/^Invalid request/);
    expect(body.documentation_url).toMatch(/^https:\/\/docs\.github\.com/);
    expect(github.violations).toEqual([
      expect.objectContaining({ request: "POST /repos/acme/models/issues/1/comments", status: 422 }),
    ]);
    expect(github.state.comments(1)).toEqual([]);
  });

  it("a missing required field is rejected with 422", async () => {
    const { status } = await call("POST", "/repos/acme/models/issues", { body: { body: "no title" } });
    expect(status).toBe(422);
    expect(github.violations[0]?.problems).toEqual([expect.objectContaining({ in: "body", field: "title" })]);
  });

  it("an unknown body field is rejected, so a misspelt option cannot pass silently", async () => {
    const { status } = await call("PATCH", "/repos/acme/models/issues/1", {
      body: { state: "closed", stateReason: "completed" },
    });
    expect(status).toBe(422);
    expect(github.violations[0]?.problems).toEqual([expect.objectContaining({ field: "stateReason" })]);
  });

  it("an enum value GitHub does not know is rejected", async () => {
    const { status } = await call("PATCH", "/repos/acme/models/issues/1", { body: { state: "resolved" } });
    expect(status).toBe(422);
  });

  it("an unknown path answers 404", async () => {
    const { status, body } = await call("GET", "/repos/acme/models/benchmarks");
    expect(status).toBe(404);
    expect(body.message).toBe("Not Found");
    expect(github.violations[0]?.problems[0]?.message).toMatch(/no operation matches/);
  });

  it("a wrong method on a known path answers 404", async () => {
    expect((await call("PUT", "/repos/acme/models/issues/1/comments", { body: { body: "x" } })).status).toBe(
      404,
    );
    expect(github.violations).toHaveLength(1);
  });

  it("a non-numeric issue number answers 404", async () => {
    expect((await call("GET", "/repos/acme/models/issues/abc")).status).toBe(404);
    expect(github.violations[0]?.problems).toEqual([
      expect.objectContaining({ in: "path", field: "issue_number" }),
    ]);
  });

  it("a query parameter of the wrong type or unknown name is rejected", async () => {
    expect((await call("GET", "/repos/acme/models/issues?state=opened")).status).toBe(422);
    expect((await call("GET", "/repos/acme/models/issues?label=bug")).status).toBe(422);
    expect(github.violations.map((v) => v.problems[0]?.field)).toEqual(["state", "label"]);
  });

  it("a body that is not JSON answers 400", async () => {
    const response = await fetch(`${github.url}/repos/acme/models/issues`, {
      method: "POST",
      headers: auth,
      body: "{title",
    });
    expect(response.status).toBe(400);
    expect(github.violations).toHaveLength(1);
  });

  it("a request without a token answers 401", async () => {
    const { status, body } = await call("GET", "/repos/acme/models", { headers: {} });
    expect(status).toBe(401);
    expect(body.message).toBe("Requires authentication");
    expect(github.violations).toHaveLength(1);
  });

  it("an API version other than the pinned one answers 400", async () => {
    const { status } = await call("GET", "/repos/acme/models", {
      headers: { ...auth, "x-github-api-version": "2026-03-10" },
    });
    expect(status).toBe(400);
  });

  it("an operation GitHub has but the fake does not serve is reported as such", async () => {
    expect((await call("GET", "/repos/acme/models/releases")).status).toBe(404);
    expect(github.violations[0]?.problems[0]?.message).toMatch(/repos\/list-releases .* does not serve/);
  });
});

describe("valid requests", () => {
  it("carry rate-limit headers and cause no violation", async () => {
    const response = await fetch(`${github.url}/repos/acme/models`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-limit")).toBe("5000");
    expect(Number(response.headers.get("x-ratelimit-remaining"))).toBeLessThan(5000);
    expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect(github.violations).toEqual([]);
  });
});

describe("the response self-check", () => {
  it("catches a comment missing a required field", () => {
    const spec = loadGitHubSpec();
    const operation = spec.paths["/repos/{owner}/{repo}/issues/comments/{comment_id}"]!.patch!;
    const problems = new OperationValidators(spec).checkResponse(operation, 200, { id: 1, body: "x" });
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(["node_id", "html_url", "user", "created_at"]),
    );
  });

  it("catches a status the operation does not document", () => {
    const spec = loadGitHubSpec();
    const operation = spec.paths["/repos/{owner}/{repo}/issues/comments/{comment_id}"]!.delete!;
    expect(new OperationValidators(spec).checkResponse(operation, 200, {})).toHaveLength(1);
  });
});
