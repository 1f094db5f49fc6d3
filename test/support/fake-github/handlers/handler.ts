import type { RepoContext } from "../factories/context.js";
import { notFound, type Reply } from "../http/reply.js";
import type { UserRecord } from "../records.js";
import type { FakeGitHubState } from "../state.js";

/** A validated request, as a handler sees it. */
export interface HandlerInput {
  /** Path and query parameters, coerced to their schema types, with schema defaults. */
  params: Record<string, unknown>;
  /** The JSON body, already validated against the operation's request schema. */
  body: unknown;
  /** Who the token belongs to. */
  user: UserRecord;
  /** The full request URL on the fake, for pagination links. */
  url: URL;
  apiUrl: string;
  state: FakeGitHubState;
}

export type Handler = (input: HandlerInput) => Reply;

/** Runs `handle` with the repository named by `owner` and `repo`, or answers 404 like GitHub. */
export function inRepo(input: HandlerInput, handle: (ctx: RepoContext) => Reply): Reply {
  const repo = input.state.findRepo(String(input.params.owner), String(input.params.repo));
  if (!repo) return notFound();
  return handle({ apiUrl: input.apiUrl, state: input.state, repo });
}

/** A JSON body as an object; validation has already rejected anything else. */
export function bodyOf<T>(input: HandlerInput): T {
  return (input.body ?? {}) as T;
}
