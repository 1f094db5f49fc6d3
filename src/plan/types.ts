import type { Backend, RepositoryConfig } from "../config/types.js";
import type { Descriptor } from "../descriptor/types.js";

/** What woke the workflow up, reduced to the facts the planner needs (see planEventFromWebhook). */
export type PlanEvent = PullRequestEvent | PushEvent | ScheduleEvent | WorkflowDispatchEvent;

export interface PullRequestEvent {
  kind: "pull_request";
  changedFiles: string[];
  labels: string[];
  headSha: string;
  /** The head branch lives in another repository: its code is untrusted. */
  isFork: boolean;
  /** Head SHA at which a maintainer applied the trust label, if any. */
  trustedSha?: string;
  prNumber: number;
}

export interface PushEvent {
  kind: "push";
  changedFiles: string[];
  /** "refs/heads/main", "refs/tags/v1", ... */
  ref: string;
  defaultBranch: string;
}

export interface ScheduleEvent {
  kind: "schedule";
  /** The workflow's own cron that woke us (`github.event.schedule`). */
  cron: string;
  /** Start of the previous scheduled run that planned, if known. */
  lastRunAt?: Date;
}

export interface WorkflowDispatchEvent {
  kind: "workflow_dispatch";
  /** Descriptor ids or paths, or ["all"]. */
  benchmarks: string[];
}

export interface PlanInput {
  event: PlanEvent;
  descriptors: Descriptor[];
  config: RepositoryConfig;
  now: Date;
}

/** One benchmark to run, where and why. */
export interface PlanEntry {
  /** Descriptor path, relative to the repository root. */
  descriptor: string;
  /** Descriptor id. */
  benchmark: string;
  runsOn: string[];
  backend: Backend;
  reason: string;
}

export interface SkippedBenchmark {
  id: string;
  path: string;
  reason: string;
}

export interface RunPlan {
  entries: PlanEntry[];
  skipped: SkippedBenchmark[];
  /** Facts about the plan as a whole (why it is empty, what was assumed). */
  notes: string[];
  summaryMarkdown: string;
}
