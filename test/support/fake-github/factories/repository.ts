import type { RepoRecord } from "../records.js";
import { type FactoryContext, nodeId } from "./context.js";
import { fromExample } from "./from-example.js";
import { simpleUser } from "./user.js";

/** `full-repository`, what `GET /repos/{owner}/{repo}` answers. */
export function fullRepository(ctx: FactoryContext, record: RepoRecord) {
  const {
    organization: _organization,
    parent: _parent,
    source: _source,
    template_repository: _template,
    ...base
  } = fromExample("full-repository", repointing(ctx, record));
  return { ...base, ...identity(ctx, record), has_discussions: false };
}

/** `repository`, as embedded in a pull request's `head` and `base`. */
export function repository(ctx: FactoryContext, record: RepoRecord, options: { fork?: boolean } = {}) {
  return { ...fullRepository(ctx, record), fork: options.fork ?? false };
}

function identity(ctx: FactoryContext, record: RepoRecord) {
  const owner = ctx.state.user(record.owner);
  return {
    id: record.id,
    node_id: nodeId("R_", record.id),
    name: record.repo,
    full_name: `${record.owner}/${record.repo}`,
    owner: simpleUser(ctx, owner),
    private: record.private,
    visibility: record.private ? "private" : "public",
    fork: false,
    default_branch: record.defaultBranch,
  };
}

function repointing(ctx: FactoryContext, record: RepoRecord): Array<[string, string]> {
  return [
    ["https://api.github.com", ctx.apiUrl],
    ["octocat/Hello-World", `${record.owner}/${record.repo}`],
  ];
}
