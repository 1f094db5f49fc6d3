import { describe, expect, it } from "vitest";
import { pullRequestEvent, scheduleEvent, workflowDispatchEvent } from "../support/fake-github/events.js";
import { makeWorkspace, OWNER, REPO, runAction, speedDescriptor, useFakeGitHub } from "./harness.js";

const fake = useFakeGitHub();

const HEAD = "a".repeat(40);

describe("the action's plan step", () => {
  it("plans the benchmark a same-repository pull request touches, as a matrix for its runner", async () => {
    const { workspace } = makeWorkspace({ "benchmarks/other/descriptor.toml": speedDescriptor });
    fake().state.addPullRequest({
      number: 7,
      headSha: HEAD,
      baseRef: "main",
      headRepoFullName: `${OWNER}/${REPO}`,
      labels: [],
      files: [{ filename: "benchmarks/speed/descriptor.toml", status: "modified" }],
    });
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "pull_request",
      payload: pullRequestEvent({ owner: OWNER, repo: REPO, number: 7, headSha: HEAD }),
      inputs: { command: "plan" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs["has-benchmarks"]).toBe("true");
    const matrix = JSON.parse(run.outputs.matrix!);
    expect(matrix.include).toHaveLength(1);
    expect(matrix.include[0]).toMatchObject({
      descriptor: "benchmarks/speed/descriptor.toml",
      benchmark: "speed",
      "runs-on": ["self-hosted", "linux"],
      backend: "local",
    });
    expect(run.summary).toContain("speed");
    expect(run.summary).toContain("other");
  });

  it("plans nothing for a fork pull request without the trust label, and says how to ask", async () => {
    const { workspace } = makeWorkspace();
    fake().state.addPullRequest({
      number: 8,
      headSha: HEAD,
      baseRef: "main",
      headRepoFullName: `stranger/${REPO}`,
      labels: [],
      files: [{ filename: "benchmarks/speed/descriptor.toml", status: "modified" }],
    });
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "pull_request",
      payload: pullRequestEvent({
        owner: OWNER,
        repo: REPO,
        number: 8,
        headSha: HEAD,
        forkOwner: "stranger",
      }),
      inputs: { command: "plan" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs["has-benchmarks"]).toBe("false");
    expect(run.summary).toContain("benchmark:trusted");
  });

  it("plans a fork pull request when a maintainer applies the trust label to its head commit", async () => {
    const { workspace } = makeWorkspace();
    fake().state.addPullRequest({
      number: 9,
      headSha: HEAD,
      baseRef: "main",
      headRepoFullName: `stranger/${REPO}`,
      labels: ["benchmark:trusted"],
      files: [{ filename: "benchmarks/speed/descriptor.toml", status: "modified" }],
    });
    const payload = pullRequestEvent({
      owner: OWNER,
      repo: REPO,
      number: 9,
      headSha: HEAD,
      forkOwner: "stranger",
      action: "labeled",
      label: "benchmark:trusted",
    });
    (payload.pull_request as { labels: unknown[] }).labels = [{ name: "benchmark:trusted" }];
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "pull_request_target",
      payload,
      inputs: { command: "plan" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs["has-benchmarks"]).toBe("true");
    // The approval is spent on this commit: the next push needs a maintainer to label again.
    expect(fake().state.issue(9).labels).not.toContain("benchmark:trusted");
  });

  it("annotates every invalid descriptor line and fails", async () => {
    const { workspace } = makeWorkspace({
      "benchmarks/broken/descriptor.toml": speedDescriptor.replace(
        'strategy = "single_node"',
        'strategy = "horovd"',
      ),
    });
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "workflow_dispatch",
      payload: workflowDispatchEvent({ owner: OWNER, repo: REPO, inputs: { benchmarks: "all" } }),
      inputs: { command: "plan" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error file=benchmarks\/broken\/descriptor.toml,line=7,col=12::.*hardware.strategy/,
    );
    expect(run.stdout).toContain('did you mean "horovod"');
    expect(run.stdout).toMatch(/::error::1 problem\(s\) in benchmark descriptors/);
  });

  it("plans every descriptor for a manual dispatch of all", async () => {
    const { workspace } = makeWorkspace({ "benchmarks/other/descriptor.toml": speedDescriptor });
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "workflow_dispatch",
      payload: workflowDispatchEvent({ owner: OWNER, repo: REPO, inputs: { benchmarks: "all" } }),
      inputs: { command: "plan" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.matrix!).include.map((e: { benchmark: string }) => e.benchmark)).toEqual([
      "other",
      "speed",
    ]);
  });

  it("plans a scheduled descriptor whose cron fired since the previous scheduled run", async () => {
    const nightly = speedDescriptor.replace(
      'description = "Prints a speed the test controls"',
      'description = "n"\nscheduling = "*/5 * * * *"',
    );
    const { workspace } = makeWorkspace({ "benchmarks/nightly/descriptor.toml": nightly });
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "schedule",
      payload: scheduleEvent({ owner: OWNER, repo: REPO, cron: "*/10 * * * *" }),
      inputs: { command: "plan" },
    });
    expect(run.code, run.stdout).toBe(0);
    const planned = JSON.parse(run.outputs.matrix!).include.map((e: { benchmark: string }) => e.benchmark);
    expect(planned).toEqual(["nightly"]);
    expect(run.summary).toMatch(/speed/);
  });
});

// Issue 10, items 6 and 7: what a fork's pull request can and cannot decide, and what it is told.
describe("the action's plan step and forks", () => {
  const BASE = "d".repeat(40);
  const forkPayload = (number: number, labeled: boolean) => {
    const payload = pullRequestEvent({
      owner: OWNER,
      repo: REPO,
      number,
      headSha: HEAD,
      baseSha: BASE,
      forkOwner: "stranger",
      ...(labeled ? { action: "labeled" as const, label: "benchmark:trusted" } : {}),
    });
    if (labeled) (payload.pull_request as { labels: unknown[] }).labels = [{ name: "benchmark:trusted" }];
    return payload;
  };
  /** A fork's pull request `number` changing `file`, planned on pull_request_target. */
  const planFork = (workspace: string, number: number, labeled: boolean, file: string) => {
    fake().state.addPullRequest({
      number,
      headSha: HEAD,
      baseRef: "main",
      headRepoFullName: `stranger/${REPO}`,
      labels: labeled ? ["benchmark:trusted"] : [],
      files: [{ filename: file, status: "modified" }],
    });
    return runAction({
      github: fake(),
      workspace,
      eventName: "pull_request_target",
      payload: forkPayload(number, labeled),
      inputs: { command: "plan" },
    });
  };

  it("a refused fork gets a notice and a sticky comment saying what a maintainer must do", async () => {
    const { workspace } = makeWorkspace();
    const run = await planFork(workspace, 21, false, "benchmarks/speed/descriptor.toml");
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs["has-benchmarks"]).toBe("false");
    expect(run.stdout).toMatch(/::notice::Benchmarks did not run: this pull request comes from a fork/);
    const [comment] = fake().state.comments(21);
    expect(comment!.body).toContain("<!-- maat:report");
    expect(comment!.body).toContain("A maintainer can apply the label `benchmark:trusted`");
  });

  it("takes the trust label off even when the approved commit had nothing to run", async () => {
    const { workspace } = makeWorkspace();
    const run = await planFork(workspace, 22, true, "README.md");
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs["has-benchmarks"]).toBe("false");
    expect(fake().state.issue(22).labels).not.toContain("benchmark:trusted");
  });

  it("routes a trusted fork's benchmarks with the base branch's maat.toml, not the fork's", async () => {
    // The fork's checkout carries a maat.toml that sends everything to a privileged runner.
    const { workspace } = makeWorkspace({
      "maat.toml": '[runners]\ndefault = ["self-hosted", "deploy-keys"]\n',
    });
    fake().state.setFile(BASE, "maat.toml", '[runners]\ndefault = ["self-hosted", "bench-sandbox"]\n');
    const run = await planFork(workspace, 23, true, "benchmarks/speed/descriptor.toml");
    expect(run.code, run.stdout).toBe(0);
    const matrix = JSON.parse(run.outputs.matrix!);
    expect(matrix.include[0]["runs-on"]).toEqual(["self-hosted", "bench-sandbox"]);
  });
});
