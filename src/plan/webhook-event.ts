import { DEFAULT_CONFIG } from "../config/defaults.js";
import { PlanError } from "./plan-error.js";
import type { PlanEvent } from "./types.js";

/** What a webhook payload does not carry: changed files come from the API, the rest from state. */
export interface WebhookExtras {
  /** Required for pull requests (payloads do not list files); for pushes, overrides the payload's commits. */
  changedFiles?: string[];
  /** Label that marks a fork pull request as trusted (`pull_requests.trust_label`). */
  trustLabel?: string;
  /** Head SHA at which the trust label was applied, when known from elsewhere (the timeline). */
  trustedSha?: string;
  /** Start of the previous scheduled run, when known. */
  lastRunAt?: Date;
}

interface PullRequestPayload {
  action?: string;
  number?: number;
  label?: { name: string };
  pull_request: {
    number: number;
    labels: Array<{ name: string }>;
    head: { sha: string; repo: { full_name: string } | null };
    base: { repo: { full_name: string } };
  };
}

interface PushPayload {
  ref: string;
  repository: { default_branch?: string; master_branch?: string };
  commits?: Array<{ added?: string[]; modified?: string[]; removed?: string[] }>;
}

/**
 * Turns a GitHub event name and payload (`github.event_name`, `github.event`) into a PlanEvent.
 * A `labeled` event that adds the trust label trusts the head commit it was applied to.
 * A push without `changedFiles` uses the files its payload lists, which GitHub caps at
 * 20 commits: callers should pass the compare API's list for long pushes.
 */
export function planEventFromWebhook(
  eventName: string,
  payload: unknown,
  extras: WebhookExtras = {},
): PlanEvent {
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      const p = payload as PullRequestPayload;
      const pr = p.pull_request;
      if (extras.changedFiles === undefined) {
        throw new PlanError("a pull request event needs its changed files", {
          hint: "list them with the GitHub API (pulls.listFiles); the webhook payload does not carry them",
        });
      }
      const trustLabel = extras.trustLabel ?? DEFAULT_CONFIG.pullRequests.trustLabel;
      const labeledNow = p.action === "labeled" && p.label?.name === trustLabel ? pr.head.sha : undefined;
      const trustedSha = extras.trustedSha ?? labeledNow;
      return {
        kind: "pull_request",
        changedFiles: extras.changedFiles,
        labels: pr.labels.map((l) => l.name),
        headSha: pr.head.sha,
        // A deleted fork leaves `head.repo` null: still someone else's code.
        isFork: pr.head.repo?.full_name !== pr.base.repo.full_name,
        ...(trustedSha === undefined ? {} : { trustedSha }),
        prNumber: p.number ?? pr.number,
      };
    }
    case "push": {
      const p = payload as PushPayload;
      const fromCommits = (p.commits ?? []).flatMap((c) => [
        ...(c.added ?? []),
        ...(c.modified ?? []),
        ...(c.removed ?? []),
      ]);
      return {
        kind: "push",
        changedFiles: extras.changedFiles ?? [...new Set(fromCommits)],
        ref: p.ref,
        defaultBranch: p.repository.default_branch ?? p.repository.master_branch ?? "main",
      };
    }
    case "schedule": {
      const cron = (payload as { schedule?: string }).schedule;
      if (cron === undefined) throw new PlanError("a schedule event without its `schedule` (cron) field");
      return {
        kind: "schedule",
        cron,
        ...(extras.lastRunAt === undefined ? {} : { lastRunAt: extras.lastRunAt }),
      };
    }
    case "workflow_dispatch": {
      const input = (payload as { inputs?: Record<string, unknown> | null }).inputs?.benchmarks;
      const names = typeof input === "string" ? input.split(/[\s,]+/).filter((n) => n !== "") : [];
      return { kind: "workflow_dispatch", benchmarks: names.length === 0 ? ["all"] : names };
    }
    default:
      throw new PlanError(`Maat does not plan runs for \`${eventName}\` events`, {
        hint: "trigger the workflow on pull_request, push, schedule or workflow_dispatch",
      });
  }
}
