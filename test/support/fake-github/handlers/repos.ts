import { createHash } from "node:crypto";
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

/** A file seeded with `state.setFile` at `ref` (default: the default branch), as GitHub's content-file. */
export const getContent: Handler = (input) =>
  inRepo(input, (ctx) => {
    const path = String(input.params.path);
    const ref = String(input.params.ref ?? ctx.repo.repo.defaultBranch);
    const file = ctx.repo.files.find((f) => f.ref === ref && f.path === path);
    if (!file) return notFound();
    const { owner, repo } = ctx.repo.repo;
    const sha = createHash("sha1").update(`blob ${file.content.length}\0${file.content}`).digest("hex");
    const url = `${ctx.apiUrl}/repos/${owner}/${repo}/contents/${path}?ref=${ref}`;
    const html = `https://github.com/${owner}/${repo}/blob/${ref}/${path}`;
    const git = `${ctx.apiUrl}/repos/${owner}/${repo}/git/blobs/${sha}`;
    return {
      status: 200,
      body: {
        type: "file",
        encoding: "base64",
        size: Buffer.byteLength(file.content),
        name: path.split("/").at(-1),
        path,
        content: Buffer.from(file.content).toString("base64"),
        sha,
        url,
        git_url: git,
        html_url: html,
        download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
        _links: { self: url, git, html },
      },
    };
  });
