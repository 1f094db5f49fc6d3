import type { IssueEventRecord } from "../records.js";
import { nodeId, type RepoContext, repoApiUrl } from "./context.js";
import { simpleUser } from "./user.js";

/**
 * `issue-event-for-issue`. GitHub reports `commit_id: null` for `labeled` events, so the fake
 * does too: the head SHA at labelling time is kept in the state for assertions, not served.
 */
export function issueEvent(ctx: RepoContext, record: IssueEventRecord) {
  return {
    id: record.id,
    node_id: nodeId("LE_", record.id),
    url: `${repoApiUrl(ctx)}/issues/events/${record.id}`,
    actor: simpleUser(ctx, ctx.state.user(record.actor)),
    event: record.event,
    commit_id: null,
    commit_url: null,
    created_at: record.createdAt,
    performed_via_github_app: null,
    ...(record.label && { label: record.label }),
  };
}
