import type { RepoContext } from "../factories/context.js";
import { diffEntry, pullRequest } from "../factories/pull-request.js";
import { paginate } from "../http/pagination.js";
import { notFound, type Reply, validationFailed } from "../http/reply.js";
import type { PullRequestRecord } from "../records.js";
import { bodyOf, type Handler, type HandlerInput, inRepo } from "./handler.js";
import { repoName } from "./issues.js";

export const getPull: Handler = (input) =>
  withPull(input, (ctx, pull) => ({ status: 200, body: pullRequest(ctx, pull) }));

/** GitHub lists at most 3000 files of a pull request, 30 per page by default. */
export const listPullFiles: Handler = (input) =>
  withPull(input, (ctx, pull) => {
    const page = paginate(pull.files.slice(0, 3000), input.url, input.params);
    return {
      status: 200,
      body: page.items.map((f) => diffEntry(ctx, f, pull.headSha)),
      headers: page.headers,
    };
  });

export const createPull: Handler = (input) =>
  inRepo(input, (ctx) => {
    const body = bodyOf<{ title?: string; head: string; base: string; body?: string; draft?: boolean }>(
      input,
    );
    const [headOwner, headRef] = body.head.includes(":")
      ? body.head.split(":", 2)
      : [ctx.repo.repo.owner, body.head];
    const headRepoFullName = `${headOwner}/${ctx.repo.repo.repo}`;
    const duplicate = ctx.repo.pulls.find(
      (p) =>
        p.headRef === headRef &&
        p.baseRef === body.base &&
        ctx.repo.issues.find((i) => i.number === p.number)?.state === "open",
    );
    if (duplicate) {
      return validationFailed([
        {
          resource: "PullRequest",
          code: "custom",
          field: "head",
          message: `A pull request already exists for ${headOwner}:${headRef}.`,
        },
      ]);
    }
    if (headRef === body.base) {
      return validationFailed([
        {
          resource: "PullRequest",
          code: "custom",
          field: "head",
          message: `No commits between ${body.base} and ${headRef}`,
        },
      ]);
    }
    const pull = ctx.state.addPullRequest({
      repo: repoName(ctx),
      headSha: fakeSha(headRef!),
      headRef: headRef!,
      baseRef: body.base,
      headRepoFullName,
      title: body.title ?? headRef!,
      body: body.body ?? "",
      user: input.user.login,
      draft: body.draft ?? false,
    });
    const result = pullRequest(ctx, pull);
    return { status: 201, body: result, headers: { location: result.url } };
  });

function withPull(input: HandlerInput, handle: (ctx: RepoContext, pull: PullRequestRecord) => Reply): Reply {
  return inRepo(input, (ctx) => {
    const pull = ctx.repo.pulls.find((p) => p.number === Number(input.params.pull_number));
    return pull ? handle(ctx, pull) : notFound();
  });
}

/** Branches created through the API have no real commits in the fake; give them a stable SHA. */
function fakeSha(ref: string): string {
  return Buffer.from(ref).toString("hex").padEnd(40, "0").slice(0, 40);
}
