import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foldReceipts } from "../../src/baselines/index.js";
import { flagRegressions } from "../../src/compare/flag-regressions.js";
import type { ResultReceipt } from "../../src/results/receipt-types.js";
import { makeReceipt, noisyValues } from "../fixtures/receipts/make-receipt.js";
import { pullRequestEvent, scheduleEvent } from "../support/fake-github/events.js";
import { makeWorkspace, OWNER, REPO, runAction, useFakeGitHub } from "./harness.js";

const fake = useFakeGitHub();

const HEAD = "b".repeat(40);
const day = (i: number) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString();

/** A workspace whose baselines hold 20 accepted runs of throughput ~1000 (1% noise). */
async function workspaceWithBaseline() {
  const { workspace, root } = makeWorkspace();
  const history = Array.from({ length: 20 }, (_, i) =>
    makeReceipt({
      resultId: `resnet50-training/2026100${i}T000000000Z-${String(i).padStart(7, "0")}`,
      commit: `${String(i).padStart(7, "0")}${"c".repeat(33)}`,
      startedAt: day(i),
      values: { throughput: noisyValues(1000, 0.01, 5, i + 1), epoch_time: noisyValues(60, 0.01, 5, i + 50) },
    }),
  );
  await foldReceipts(path.join(workspace, "baselines"), history, {});
  return { workspace, root };
}

/** The receipts of one workflow run, as download-artifact leaves them (replacing the last run's). */
function writeReceipts(workspace: string, receipts: ResultReceipt[]): void {
  rmSync(path.join(workspace, ".maat"), { recursive: true, force: true });
  for (const receipt of receipts) {
    const file = path.join(workspace, ".maat/results", `${receipt.resultId}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(receipt));
  }
}

const candidate = (throughput: number, epoch = 60, seed = 99) =>
  makeReceipt({
    resultId: `resnet50-training/20261124T120000000Z-${seed.toString().padStart(7, "0")}`,
    commit: HEAD,
    startedAt: "2026-11-24T12:00:00.000Z",
    values: {
      throughput: noisyValues(throughput, 0.01, 5, seed),
      epoch_time: noisyValues(epoch, 0.01, 5, seed + 7),
    },
  });

function seedPullRequest(number = 12) {
  fake().state.addPullRequest({
    number,
    headSha: HEAD,
    baseRef: "main",
    headRepoFullName: `${OWNER}/${REPO}`,
    labels: [],
    files: [],
  });
}

/** The report step on pull request #12, as the workflow's report job runs it. */
const reportOnPullRequest = (workspace: string, inputs: Record<string, string> = {}) =>
  runAction({
    github: fake(),
    workspace,
    eventName: "pull_request",
    payload: pullRequestEvent({ owner: OWNER, repo: REPO, number: 12, headSha: HEAD }),
    inputs: { command: "report", ...inputs },
  });

describe("the action's report step on a pull request", () => {
  it("posts one sticky comment with the verdict, updates it in place, and fails on the regression", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    fake().state.addComment(12, "LGTM, but please check the numbers", { user: "reviewer" });
    writeReceipts(workspace, [candidate(900)]);
    const payload = pullRequestEvent({ owner: OWNER, repo: REPO, number: 12, headSha: HEAD });
    const first = await runAction({
      github: fake(),
      workspace,
      eventName: "pull_request",
      payload,
      inputs: { command: "report" },
    });
    expect(first.code, first.stdout).toBe(1);
    expect(first.stdout).toMatch(/::error::.*1 regression/);
    expect(first.outputs).toMatchObject({ verdict: "regression", regressions: "1", improvements: "0" });
    const comments = fake()
      .state.comments(12)
      .filter((c) => c.user === "github-actions[bot]");
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("<!-- maat:report");
    expect(comments[0]!.body).toMatch(/1 regression/);
    expect(comments[0]!.body).toContain("xychart-beta");
    expect(first.summary).toContain("throughput");

    const second = await runAction({
      github: fake(),
      workspace,
      eventName: "pull_request",
      payload,
      inputs: { command: "report" },
    });
    expect(second.code).toBe(1);
    const after = fake().state.comments(12);
    expect(after.filter((c) => c.user === "github-actions[bot]")).toHaveLength(1);
    expect(after.find((c) => c.user === "reviewer")!.body).toBe("LGTM, but please check the numbers");
  });

  it("passes and reports no regression for an unchanged run", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    writeReceipts(workspace, [candidate(1000)]);
    const run = await reportOnPullRequest(workspace);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.regressions).toBe("0");
    expect(fake().state.comments(12)[0]!.body).toMatch(/No regressions/);
  });

  it("does not fail on the regression when fail-on-regression is false", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    writeReceipts(workspace, [candidate(900)]);
    const run = await reportOnPullRequest(workspace, { "fail-on-regression": "false" });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe("regression");
  });

  it("fails with the reason of a failed benchmark, but not for a missing baseline", async () => {
    const { workspace } = makeWorkspace();
    seedPullRequest();
    writeReceipts(workspace, [candidate(1000)]);
    const payload = pullRequestEvent({ owner: OWNER, repo: REPO, number: 12, headSha: HEAD });
    const fresh = await runAction({
      github: fake(),
      workspace,
      eventName: "pull_request",
      payload,
      inputs: { command: "report" },
    });
    expect(fresh.code, fresh.stdout).toBe(0);
    expect(fresh.outputs.verdict).toBe("no-baseline");

    const broken = candidate(1000);
    broken.status = "failed";
    broken.reason = "repetition 1: the benchmark exited with code 3";
    writeReceipts(workspace, [broken]);
    const failed = await runAction({
      github: fake(),
      workspace,
      eventName: "pull_request",
      payload,
      inputs: { command: "report" },
    });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("the benchmark exited with code 3");
  });

  it("keeps a huge report under GitHub's comment limit and points to the job summary", async () => {
    const { workspace } = makeWorkspace();
    seedPullRequest();
    const many = Array.from({ length: 1500 }, (_, i) => {
      const receipt = candidate(1000, 60, i + 1);
      const id = `benchmark-number-${i}`;
      receipt.benchmark.id = id;
      receipt.descriptor.id = id;
      receipt.resultId = `${id}/20261124T120000000Z-${String(i).padStart(7, "0")}`;
      return receipt;
    });
    writeReceipts(workspace, many);
    const run = await reportOnPullRequest(workspace);
    expect(run.code, run.stdout).toBe(0);
    const body = fake().state.comments(12)[0]!.body;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/job summary/i);
    expect(run.summary.length).toBeGreaterThan(body.length);
  });

  it("fails, instead of passing silently, when no receipt reached the report", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    const run = await reportOnPullRequest(workspace);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::no result receipts in \.maat\/results/);
    expect(run.summary).toContain("No result receipts reached the report");
    expect(fake().state.comments(12)[0]!.body).toContain("No result receipts reached the report");
    expect(run.outputs.verdict).toBe("failed");
  });

  it("retries the comment through a secondary rate limit", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    writeReceipts(workspace, [candidate(1000)]);
    fake().faults.secondaryRateLimit(
      { method: "POST", path: "/repos/{owner}/{repo}/issues/{issue_number}/comments" },
      1,
    );
    const run = await reportOnPullRequest(workspace);
    expect(run.code, run.stdout).toBe(0);
    expect(fake().state.comments(12)).toHaveLength(1);
  });
});

describe("the action's report step on a schedule", () => {
  /** One nightly run: its receipt, the report, then the baseline step folding it in. */
  async function nightly(workspace: string, night: number, throughput: number) {
    const receipt = makeReceipt({
      resultId: `resnet50-training/202611${String(night).padStart(2, "0")}T030000000Z-night${night}`,
      commit: `${String(night).padStart(4, "0")}${"d".repeat(36)}`,
      startedAt: `2026-11-${String(night).padStart(2, "0")}T03:00:00.000Z`,
      values: {
        throughput: noisyValues(throughput, 0.01, 5, 300 + night),
        epoch_time: noisyValues(60, 0.01, 5, 400 + night),
      },
    });
    writeReceipts(workspace, [receipt]);
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "schedule",
      payload: scheduleEvent({ owner: OWNER, repo: REPO, cron: "0 3 * * *" }),
      inputs: { command: "report", "fail-on-regression": "false" },
    });
    expect(run.code, run.stdout).toBe(0);
    // The scheduled workflow's baseline step: flag what regressed, then fold.
    const dir = path.join(workspace, "baselines");
    await foldReceipts(dir, [receipt], { regressions: await flagRegressions(dir, [receipt]) });
    return run;
  }

  it("opens an issue only once the replayed gate confirms a regression, updates it, and closes it after recovery", async () => {
    const { workspace } = await workspaceWithBaseline();

    const first = await nightly(workspace, 1, 900);
    expect(first.outputs.verdict).toBe("regression");
    expect(first.stdout).toContain("an issue opens once the next runs confirm a step");
    await nightly(workspace, 2, 895);
    await nightly(workspace, 3, 898);
    expect(fake().state.issues()).toHaveLength(0);

    await nightly(workspace, 4, 897);
    let issues = fake().state.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: "open", labels: ["performance-regression"] });
    expect(issues[0]!.title).toContain("resnet50-training / throughput");
    // The range starts at the last healthy run (the baseline's newest), so it holds night 1, the culprit.
    expect(issues[0]!.body).toContain("/compare/0000019ccccc...0004dddddddd");

    await nightly(workspace, 5, 902);
    issues = fake().state.issues();
    expect(issues).toHaveLength(1);
    expect(fake().state.comments(issues[0]!.number)).toHaveLength(1);

    await nightly(workspace, 6, 1000);
    expect(fake().state.issues()[0]!.state).toBe("open");
    await nightly(workspace, 7, 1000);
    expect(fake().state.issues()[0]!.state).toBe("closed");
    expect(fake().state.comments(issues[0]!.number).at(-1)!.body).toMatch(/Back within its baseline/);
  });

  it("keeps the issue open while the regression lasts: the regressed level never becomes the baseline", async () => {
    const { workspace } = await workspaceWithBaseline();
    for (let night = 1; night <= 8; night++) await nightly(workspace, night, 900);
    const [issue] = fake().state.issues();
    expect(issue).toMatchObject({ state: "open" });
    // Opened on night 4, when the fit confirmed the step; a comment on each night after.
    expect(fake().state.comments(issue!.number)).toHaveLength(4);
  });

  it("does not open an issue for a one-off outlier that reverts", async () => {
    const { workspace } = await workspaceWithBaseline();
    await nightly(workspace, 1, 880);
    await nightly(workspace, 2, 1000);
    await nightly(workspace, 3, 1001);
    expect(fake().state.issues()).toHaveLength(0);
  });
});

// Issue 10, items 18-20: how the report step behaves when GitHub misbehaves, and what it says.
describe("the action's report step and a failing GitHub", () => {
  it("a 502 after GitHub saved the comment does not post a second copy", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    writeReceipts(workspace, [candidate(1000)]);
    fake().faults.inject({ kind: "server-error-after-write", operationId: "issues/create-comment" });
    const run = await reportOnPullRequest(workspace);
    expect(run.code, run.stdout).toBe(0);
    expect(fake().faults.fired.map((f) => f.kind)).toContain("server-error-after-write");
    const ours = fake()
      .state.comments(12)
      .filter((c) => c.user === "github-actions[bot]");
    expect(ours).toHaveLength(1);
  });

  it("when GitHub keeps answering 5xx, says so with the request and that re-running is safe", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    writeReceipts(workspace, [candidate(1000)]);
    fake().faults.serverError({ operationId: "issues/list-comments" }, 503, 10);
    const run = await reportOnPullRequest(workspace);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("Maat failed unexpectedly");
    expect(run.stdout).toMatch(
      /::error::GitHub kept failing: it answered 503.* to GET \/repos\/ml-team\/models\/issues\/12\/comments.*re-running the job is safe/,
    );
  }, 90_000);

  it("writes the failure annotation as plain text, without Markdown", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    writeReceipts(workspace, [candidate(900)]);
    const run = await reportOnPullRequest(workspace);
    expect(run.code).toBe(1);
    const annotation = run.stdout.split("\n").find((line) => line.startsWith("::error::"))!;
    expect(annotation).toMatch(/1 regression in 1 benchmark/);
    expect(annotation).not.toMatch(/\*\*|`|\[|<!--/);
  });
});

// Issue 10, item 1: the action's exit status and output for a metric whose meaning changed.
describe("the action's report step and an edited descriptor", () => {
  async function flippedDirection() {
    const { contentHash } = await import("../../src/descriptor/content-hash.js");
    const receipt = candidate(700);
    receipt.descriptor.output.metrics.find((m) => m.name === "throughput")!.direction = "lower_is_better";
    const { id: _id, path: _path, contentHash: _hash, ...content } = receipt.descriptor;
    receipt.descriptor.contentHash = contentHash(content);
    return receipt;
  }

  it("fails with verdict incomparable when the pull request flipped a metric's direction", async () => {
    const { workspace } = await workspaceWithBaseline();
    seedPullRequest();
    writeReceipts(workspace, [await flippedDirection()]);
    const run = await reportOnPullRequest(workspace);
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.verdict).toBe("incomparable");
    expect(run.outputs.improvements).toBe("0");
    expect(run.stdout).toMatch(
      /::error::1 metric\(s\) changed meaning since the baseline \(resnet50-training throughput\)/,
    );
    expect(fake().state.comments(12)[0]!.body).toContain("Descriptor changed since the baseline");
  });

  it("reports without failing when maat.toml sets compare.fail_on_incomparable = false", async () => {
    const { workspace } = await workspaceWithBaseline();
    writeFileSync(path.join(workspace, "maat.toml"), "[compare]\nfail_on_incomparable = false\n");
    seedPullRequest();
    writeReceipts(workspace, [await flippedDirection()]);
    const run = await reportOnPullRequest(workspace);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe("incomparable");
  });
});
