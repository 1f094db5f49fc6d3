import type { RepoContext } from "../factories/context.js";
import { issue } from "../factories/issue.js";
import { paginate } from "../http/pagination.js";
import { notFound, type Reply } from "../http/reply.js";
import type { IssueRecord } from "../records.js";
import { bodyOf, type Handler, inRepo } from "./handler.js";

type LabelInput = string | { name?: string };

export const listIssues: Handler = (input) =>
  inRepo(input, (ctx) => {
    const { state, labels, creator, since, sort = "created", direction = "desc" } = input.params;
    const wanted =
      typeof labels === "string" && labels !== "" ? labels.split(",").map((l) => l.trim().toLowerCase()) : [];
    const sinceMs = typeof since === "string" ? Date.parse(since) : undefined;
    // GitHub lists pull requests here too; callers must skip items with `pull_request`.
    const matching = ctx.repo.issues.filter(
      (i) =>
        (state === "all" || i.state === (state ?? "open")) &&
        wanted.every((name) => i.labels.some((l) => l.toLowerCase() === name)) &&
        (typeof creator !== "string" || i.user.toLowerCase() === creator.toLowerCase()) &&
        (sinceMs === undefined || Date.parse(i.updatedAt) >= sinceMs),
    );
    const key = (i: IssueRecord) =>
      sort === "updated" ? Date.parse(i.updatedAt) : sort === "comments" ? commentCount(ctx, i) : i.number;
    matching.sort((a, b) => (direction === "asc" ? key(a) - key(b) : key(b) - key(a)));
    const page = paginate(matching, input.url, input.params);
    return { status: 200, body: page.items.map((i) => issue(ctx, i)), headers: page.headers };
  });

export const createIssue: Handler = (input) =>
  inRepo(input, (ctx) => {
    const body = bodyOf<{
      title: string | number;
      body?: string;
      labels?: LabelInput[];
      assignees?: string[];
    }>(input);
    const record = ctx.state.addIssue({
      repo: repoName(ctx),
      title: String(body.title),
      user: input.user.login,
      labels: labelNames(body.labels ?? []),
      ...(body.body !== undefined && { body: body.body }),
    });
    record.assignees = body.assignees ?? [];
    const result = issue(ctx, record);
    return { status: 201, body: result, headers: { location: result.url } };
  });

export const getIssue: Handler = (input) =>
  withIssue(input, (ctx, record) => ({ status: 200, body: issue(ctx, record) }));

export const updateIssue: Handler = (input) =>
  withIssue(input, (ctx, record) => {
    const body = bodyOf<{
      title?: string | number | null;
      body?: string | null;
      state?: "open" | "closed";
      state_reason?: IssueRecord["stateReason"];
      labels?: LabelInput[];
      assignees?: string[];
    }>(input);
    const now = ctx.state.now();
    if (body.title !== undefined && body.title !== null) record.title = String(body.title);
    if (body.body !== undefined) record.body = body.body;
    if (body.labels)
      record.labels = labelNames(body.labels).map(
        (name) => ctx.state.addLabel(name, { repo: repoName(ctx) }).name,
      );
    if (body.assignees) record.assignees = body.assignees;
    if (body.state === "closed" && record.state === "open") {
      record.state = "closed";
      record.closedAt = now;
      record.stateReason = body.state_reason ?? "completed";
    } else if (body.state === "open" && record.state === "closed") {
      record.state = "open";
      record.closedAt = null;
      record.stateReason = "reopened";
    } else if (body.state_reason !== undefined) {
      record.stateReason = body.state_reason;
    }
    record.updatedAt = now;
    return { status: 200, body: issue(ctx, record) };
  });

/** Runs `handle` with the issue (or pull request) numbered `issue_number`, or answers 404. */
export function withIssue(
  input: Parameters<Handler>[0],
  handle: (ctx: RepoContext, record: IssueRecord) => Reply,
): Reply {
  return inRepo(input, (ctx) => {
    const record = ctx.repo.issues.find((i) => i.number === Number(input.params.issue_number));
    return record ? handle(ctx, record) : notFound();
  });
}

export function labelNames(labels: LabelInput[]): string[] {
  return labels.flatMap((l) => (typeof l === "string" ? [l] : l.name ? [l.name] : []));
}

export function repoName(ctx: RepoContext): string {
  return `${ctx.repo.repo.owner}/${ctx.repo.repo.repo}`;
}

function commentCount(ctx: RepoContext, record: IssueRecord): number {
  return ctx.repo.comments.filter((c) => c.issueNumber === record.number).length;
}
