import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FakeGitHub } from "./index.js";

export interface ActionEnvironmentOptions {
  github: FakeGitHub;
  /** `pull_request`, `push`, `schedule`, `workflow_dispatch`. */
  eventName: string;
  payload: object;
  /** A temporary directory to write the event file into. */
  dir: string;
  /** `owner/repo`. */
  repository: string;
  sha: string;
  ref: string;
  runId?: number;
  token?: string;
}

/**
 * The environment a runner gives an Action for an event, pointed at the fake: enough for
 * `@actions/github`'s `context` and `getOctokit` (which reads `GITHUB_API_URL`).
 */
export function actionEnvironment(options: ActionEnvironmentOptions): Record<string, string> {
  const eventPath = join(options.dir, "event.json");
  writeFileSync(eventPath, JSON.stringify(options.payload));
  return {
    GITHUB_ACTIONS: "true",
    GITHUB_API_URL: options.github.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_GRAPHQL_URL: `${options.github.url}/graphql`,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_REPOSITORY_OWNER: options.repository.split("/")[0]!,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_RUN_ID: String(options.runId ?? 1),
    GITHUB_RUN_NUMBER: "1",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_WORKFLOW: "maat",
    GITHUB_ACTOR: "maintainer",
    GITHUB_JOB: "bench",
    GITHUB_TOKEN: options.token ?? "ghs_action_token",
    INPUT_TOKEN: options.token ?? "ghs_action_token",
  };
}
