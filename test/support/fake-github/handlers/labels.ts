import { issueEvent } from "../factories/issue-event.js";
import { label, labelsNamed } from "../factories/label.js";
import { paginate } from "../http/pagination.js";
import { errorReply, validationFailed } from "../http/reply.js";
import { bodyOf, type Handler, inRepo } from "./handler.js";
import { labelNames, repoName, withIssue } from "./issues.js";

export const listRepoLabels: Handler = (input) =>
  inRepo(input, (ctx) => {
    const page = paginate(ctx.repo.labels, input.url, input.params);
    return { status: 200, body: page.items.map((l) => label(ctx, l)), headers: page.headers };
  });

export const createLabel: Handler = (input) =>
  inRepo(input, (ctx) => {
    const body = bodyOf<{ name: string; color?: string; description?: string }>(input);
    if (ctx.repo.labels.some((l) => l.name.toLowerCase() === body.name.toLowerCase())) {
      return validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
    }
    const record = ctx.state.addLabel(body.name, {
      repo: repoName(ctx),
      ...(body.color && { color: body.color.replace(/^#/, "") }),
      ...(body.description !== undefined && { description: body.description }),
    });
    const result = label(ctx, record);
    return { status: 201, body: result, headers: { location: result.url } };
  });

export const listIssueLabels: Handler = (input) =>
  withIssue(input, (ctx, record) => {
    const page = paginate(labelsNamed(ctx, record.labels), input.url, input.params);
    return { status: 200, body: page.items, headers: page.headers };
  });

/** Adds labels (creating unknown ones, as GitHub does for writers) and records `labeled` events. */
export const addIssueLabels: Handler = (input) =>
  withIssue(input, (ctx, record) => {
    const body = bodyOf<{ labels?: Array<string | { name?: string }> } | string[]>(input);
    const names = labelNames(Array.isArray(body) ? body : (body.labels ?? []));
    for (const name of names) {
      const already = record.labels.some((l) => l.toLowerCase() === name.toLowerCase());
      if (!already)
        ctx.state.applyLabel(record.number, name, { repo: repoName(ctx), actor: input.user.login });
    }
    return { status: 200, body: labelsNamed(ctx, record.labels) };
  });

export const removeIssueLabel: Handler = (input) =>
  withIssue(input, (ctx, record) => {
    const name = String(input.params.name);
    const index = record.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
    if (index < 0) return errorReply(404, "Label does not exist");
    const [removed] = record.labels.splice(index, 1);
    const labelRecord = ctx.repo.labels.find((l) => l.name === removed);
    ctx.repo.events.push({
      id: ctx.state.nextId(),
      issueNumber: record.number,
      event: "unlabeled",
      actor: input.user.login,
      createdAt: ctx.state.now(),
      commitId: null,
      label: { name: removed!, color: labelRecord?.color ?? "ededed" },
    });
    return { status: 200, body: labelsNamed(ctx, record.labels) };
  });

export const listIssueEvents: Handler = (input) =>
  withIssue(input, (ctx, record) => {
    const events = ctx.repo.events.filter((e) => e.issueNumber === record.number);
    const page = paginate(events, input.url, input.params);
    return { status: 200, body: page.items.map((e) => issueEvent(ctx, e)), headers: page.headers };
  });
