import type { LabelRecord } from "../records.js";
import { nodeId, type RepoContext, repoApiUrl } from "./context.js";

/** `label`. */
export function label(ctx: RepoContext, record: LabelRecord) {
  return {
    id: record.id,
    node_id: nodeId("LA_", record.id),
    url: `${repoApiUrl(ctx)}/labels/${encodeURIComponent(record.name)}`,
    name: record.name,
    description: record.description,
    color: record.color,
    default: record.default,
  };
}

/** Labels by name, as stored on an issue, in the repository's label objects. */
export function labelsNamed(ctx: RepoContext, names: string[]) {
  return names.flatMap((name) => {
    const record = ctx.repo.labels.find((l) => l.name === name);
    return record ? [label(ctx, record)] : [];
  });
}
