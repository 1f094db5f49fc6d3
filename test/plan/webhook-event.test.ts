// Real payloads from @octokit/webhooks-examples (the examples GitHub's docs publish).
import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/index.js";
import { PlanError, planEventFromWebhook, planRuns } from "../../src/plan/index.js";
import { makeDescriptor } from "./make-descriptor.js";

type Payload = Record<string, unknown> & { action?: string };

function payloads(event: string): Payload[] {
  const found = (examples as unknown as Array<{ name: string; examples: Payload[] }>).find(
    (e) => e.name === event,
  );
  if (!found) throw new Error(`no ${event} examples`);
  return found.examples;
}

const clone = <T>(value: T): T => structuredClone(value);
const opened = () => clone(payloads("pull_request").find((p) => p.action === "opened")!);
const NOW = new Date("2026-03-01T12:00:00Z");

/** The examples hold no fork pull request: make one from a real payload the way GitHub shapes it. */
function fromFork(payload: Payload): Payload {
  const pr = payload.pull_request as { head: { repo: { full_name: string; fork: boolean } } };
  pr.head.repo.full_name = "mallory/Hello-World";
  pr.head.repo.fork = true;
  return payload;
}

describe("planEventFromWebhook", () => {
  it("reads a same-repository pull request", () => {
    const event = planEventFromWebhook("pull_request", opened(), { changedFiles: ["README.md"] });
    expect(event).toEqual({
      kind: "pull_request",
      changedFiles: ["README.md"],
      labels: [],
      headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      isFork: false,
      prNumber: 2,
    });
  });

  it("marks a pull request whose head lives in another repository as a fork", () => {
    const event = planEventFromWebhook("pull_request", fromFork(opened()), { changedFiles: [] });
    expect(event).toMatchObject({ kind: "pull_request", isFork: true });
    expect(event).not.toHaveProperty("trustedSha");
  });

  it("treats a pull request whose fork was deleted as untrusted", () => {
    const payload = opened();
    (payload.pull_request as { head: { repo: unknown } }).head.repo = null;
    expect(planEventFromWebhook("pull_request", payload, { changedFiles: [] })).toMatchObject({
      isFork: true,
    });
  });

  it("trusts the head commit when the trust label is being applied", () => {
    const labeled = fromFork(clone(payloads("pull_request").find((p) => p.action === "labeled")!));
    (labeled.label as { name: string }).name = "benchmark:trusted";
    const event = planEventFromWebhook("pull_request_target", labeled, {
      changedFiles: ["benchmarks/a/x.py"],
    });
    expect(event).toMatchObject({ isFork: true, trustedSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821" });
    const plan = planRuns({
      event,
      descriptors: [makeDescriptor("benchmarks/a/a.toml")],
      config: DEFAULT_CONFIG,
      now: NOW,
    });
    expect(plan.entries).toHaveLength(1);
  });

  it("does not trust a fork for another label", () => {
    const labeled = fromFork(clone(payloads("pull_request").find((p) => p.action === "labeled")!));
    const event = planEventFromWebhook("pull_request", labeled, { changedFiles: ["benchmarks/a/x.py"] });
    expect(event).toMatchObject({ labels: ["bug"] });
    const plan = planRuns({
      event,
      descriptors: [makeDescriptor("benchmarks/a/a.toml")],
      config: DEFAULT_CONFIG,
      now: NOW,
    });
    expect(plan.entries).toEqual([]);
    expect(plan.notes[0]).toMatch(/commit ec26c3e/);
  });

  it("needs the changed files of a pull request", () => {
    expect(() => planEventFromWebhook("pull_request", opened())).toThrow(PlanError);
  });

  it("reads a push to the default branch, with the files its commits list", () => {
    const push = payloads("push").find((p) => p.ref === "refs/heads/master")!;
    expect(planEventFromWebhook("push", push)).toEqual({
      kind: "push",
      changedFiles: ["README.md"],
      ref: "refs/heads/master",
      defaultBranch: "master",
    });
  });

  it("reads a tag push, which plans nothing", () => {
    const tag = payloads("push").find((p) => p.ref === "refs/tags/simple-tag")!;
    const event = planEventFromWebhook("push", tag);
    const plan = planRuns({
      event,
      descriptors: [makeDescriptor("b/a.toml")],
      config: DEFAULT_CONFIG,
      now: NOW,
    });
    expect(plan.entries).toEqual([]);
  });

  it("reads a schedule event's cron", () => {
    // GitHub's schedule payload carries the cron that fired in `schedule`.
    const lastRunAt = new Date("2026-03-01T11:00:00Z");
    expect(planEventFromWebhook("schedule", { schedule: "0 * * * *" }, { lastRunAt })).toEqual({
      kind: "schedule",
      cron: "0 * * * *",
      lastRunAt,
    });
  });

  it("runs everything for a manual dispatch without inputs", () => {
    const [dispatch] = payloads("workflow_dispatch");
    expect(planEventFromWebhook("workflow_dispatch", dispatch)).toEqual({
      kind: "workflow_dispatch",
      benchmarks: ["all"],
    });
  });

  it("splits a manual dispatch's benchmarks input on commas and spaces", () => {
    const dispatch = { ...payloads("workflow_dispatch")[0], inputs: { benchmarks: "resnet50, bert\nllm" } };
    expect(planEventFromWebhook("workflow_dispatch", dispatch)).toEqual({
      kind: "workflow_dispatch",
      benchmarks: ["resnet50", "bert", "llm"],
    });
  });

  it("refuses events it does not plan for", () => {
    expect(() => planEventFromWebhook("issues", payloads("issues")[0])).toThrow(
      /does not plan runs for `issues`/,
    );
  });
});
