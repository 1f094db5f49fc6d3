import { commitComparison } from "../factories/comparison.js";
import { fullRepository } from "../factories/repository.js";
import { publicUser } from "../factories/user.js";
import { errorReply, notFound } from "../http/reply.js";
import { type Handler, inRepo } from "./handler.js";

/** Installation tokens (the Actions `GITHUB_TOKEN`) get 403 here on GitHub; so they do in the fake. */
export const getAuthenticatedUser: Handler = (input) => {
  if (input.user.isApp) return errorReply(403, "Resource not accessible by integration");
  return { status: 200, body: publicUser(input, input.user) };
};

export const getRepo: Handler = (input) =>
  inRepo(input, (ctx) => ({ status: 200, body: fullRepository(ctx, ctx.repo.repo) }));

/** Answers for comparisons seeded with `state.setComparison`; anything else is 404, as for unknown refs. */
export const compareCommits: Handler = (input) =>
  inRepo(input, (ctx) => {
    const [base, head] = String(input.params.basehead).split("...");
    const comparison = ctx.repo.comparisons.find((c) => c.base === base && c.head === head);
    return comparison ? { status: 200, body: commitComparison(ctx, comparison) } : notFound();
  });
