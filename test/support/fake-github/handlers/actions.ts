import { artifact, workflowRun } from "../factories/actions.js";
import { paginate } from "../http/pagination.js";
import { notFound } from "../http/reply.js";
import { type Handler, inRepo } from "./handler.js";

const STATUSES = new Set(["queued", "in_progress", "completed", "waiting", "requested", "pending"]);

/** Newest first, filtered by `event`, `status` (a status or a conclusion), `branch` and `head_sha`. */
export const listWorkflowRuns: Handler = (input) =>
  inRepo(input, (ctx) => {
    const { event, status, branch, head_sha: headSha } = input.params;
    const runs = ctx.repo.runs
      .filter(
        (r) =>
          (event === undefined || r.event === event) &&
          (status === undefined ||
            (STATUSES.has(String(status)) ? r.status === status : r.conclusion === status)) &&
          (branch === undefined || r.headBranch === branch) &&
          (headSha === undefined || r.headSha === headSha),
      )
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
    const page = paginate(runs, input.url, input.params);
    return {
      status: 200,
      body: { total_count: runs.length, workflow_runs: page.items.map((r) => workflowRun(ctx, r)) },
      headers: page.headers,
    };
  });

/** One workflow's runs: `workflow_id` is its numeric id or its file name (`benchmarks.yml`). */
export const listWorkflowRunsOfWorkflow: Handler = (input) =>
  inRepo(input, (ctx) => {
    const id = String(input.params.workflow_id);
    const mine = (r: (typeof ctx.repo.runs)[number]) => String(r.workflowId) === id || `${r.name}.yml` === id;
    const { event } = input.params;
    const runs = ctx.repo.runs
      .filter((r) => mine(r) && (event === undefined || r.event === event))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
    const page = paginate(runs, input.url, input.params);
    return {
      status: 200,
      body: { total_count: runs.length, workflow_runs: page.items.map((r) => workflowRun(ctx, r)) },
      headers: page.headers,
    };
  });

export const listRunArtifacts: Handler = (input) =>
  inRepo(input, (ctx) => {
    const runId = Number(input.params.run_id);
    if (!ctx.repo.runs.some((r) => r.id === runId)) return notFound();
    const { name } = input.params;
    const artifacts = ctx.repo.artifacts.filter(
      (a) => a.runId === runId && (name === undefined || a.name === name),
    );
    const page = paginate(artifacts, input.url, input.params);
    return {
      status: 200,
      body: { total_count: artifacts.length, artifacts: page.items.map((a) => artifact(ctx, a)) },
      headers: page.headers,
    };
  });
