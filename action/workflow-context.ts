import { readFileSync } from "node:fs";
import { UsageError } from "../src/errors.js";
import type { WorkflowContext } from "../src/workflow/workflow-context.js";

/** The GitHub Actions environment of this job, read once (the adapter owns process.env). */
export function readWorkflowContext(env: NodeJS.ProcessEnv): WorkflowContext {
  const eventName = env.GITHUB_EVENT_NAME ?? "workflow_dispatch";
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch (error) {
      throw new UsageError(
        `cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`,
      );
    }
  }
  const repository = env.GITHUB_REPOSITORY ?? "";
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const runId = env.GITHUB_RUN_ID ?? "";
  return {
    eventName,
    payload,
    repository,
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    workflow: env.GITHUB_WORKFLOW ?? "benchmarks",
    workflowRef: env.GITHUB_WORKFLOW_REF ?? "",
    runId,
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : "",
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}
