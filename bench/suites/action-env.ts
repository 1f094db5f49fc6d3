import { writeFileSync } from "node:fs";
import path from "node:path";

/** The environment GitHub gives the action for a workflow_dispatch run in `workspace`. */
export function actionEnv(
  workspace: string,
  command: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const event = path.join(workspace, "event.json");
  writeFileSync(event, JSON.stringify({ inputs: { benchmarks: "all" } }));
  const output = path.join(workspace, "output");
  const summary = path.join(workspace, "summary");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  return {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "workflow_dispatch",
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    INPUT_COMMAND: command,
    ...extra,
  };
}
