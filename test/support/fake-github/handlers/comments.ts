import { issueComment } from "../factories/issue.js";
import { paginate } from "../http/pagination.js";
import { notFound } from "../http/reply.js";
import { bodyOf, type Handler, inRepo } from "./handler.js";

export const listComments: Handler = (input) =>
  inRepo(input, (ctx) => {
    const number = Number(input.params.issue_number);
    if (!ctx.repo.issues.some((i) => i.number === number)) return notFound();
    const since = typeof input.params.since === "string" ? Date.parse(input.params.since) : undefined;
    const comments = ctx.repo.comments.filter(
      (c) => c.issueNumber === number && (since === undefined || Date.parse(c.updatedAt) >= since),
    );
    const page = paginate(comments, input.url, input.params);
    return { status: 200, body: page.items.map((c) => issueComment(ctx, c)), headers: page.headers };
  });

export const createComment: Handler = (input) =>
  inRepo(input, (ctx) => {
    const number = Number(input.params.issue_number);
    if (!ctx.repo.issues.some((i) => i.number === number)) return notFound();
    const comment = ctx.state.addComment(number, bodyOf<{ body: string }>(input).body, {
      repo: `${ctx.repo.repo.owner}/${ctx.repo.repo.repo}`,
      user: input.user.login,
    });
    const body = issueComment(ctx, comment);
    return { status: 201, body, headers: { location: body.url } };
  });

export const updateComment: Handler = (input) =>
  inRepo(input, (ctx) => {
    const comment = ctx.repo.comments.find((c) => c.id === Number(input.params.comment_id));
    if (!comment) return notFound();
    comment.body = bodyOf<{ body: string }>(input).body;
    comment.updatedAt = ctx.state.now();
    return { status: 200, body: issueComment(ctx, comment) };
  });

export const deleteComment: Handler = (input) =>
  inRepo(input, (ctx) => {
    const index = ctx.repo.comments.findIndex((c) => c.id === Number(input.params.comment_id));
    if (index < 0) return notFound();
    ctx.repo.comments.splice(index, 1);
    return { status: 204 };
  });
