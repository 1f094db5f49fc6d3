import type { RepoState } from "../records.js";
import type { FakeGitHubState } from "../state.js";

/** What a factory needs to build URLs and look up related records. */
export interface FactoryContext {
  /** The fake's own base URL; API URLs in responses point back at it. */
  apiUrl: string;
  state: FakeGitHubState;
}

export interface RepoContext extends FactoryContext {
  repo: RepoState;
}

export function repoApiUrl(ctx: RepoContext): string {
  return `${ctx.apiUrl}/repos/${ctx.repo.repo.owner}/${ctx.repo.repo.repo}`;
}

export function repoHtmlUrl(ctx: RepoContext): string {
  return `https://github.com/${ctx.repo.repo.owner}/${ctx.repo.repo.repo}`;
}

/** GitHub's global node ids are opaque base64 strings; tests only need them present and stable. */
export function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}${id}`).toString("base64");
}
