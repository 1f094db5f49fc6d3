export { type Cron, firesBetween, formatCronTime, parseCron } from "./cron.js";
export { type ForkGate, gateForkPullRequest } from "./fork-gate.js";
export { MAX_MATRIX_BYTES, MAX_MATRIX_JOBS, type MatrixEntry, toMatrix } from "./matrix.js";
export { PlanError } from "./plan-error.js";
export { planRuns } from "./plan-runs.js";
export { type ScheduleWindow, scheduleWindow } from "./schedule-window.js";
export { matchChangedFiles } from "./select-changed.js";
export { renderPlanSummary } from "./summary.js";
export type {
  PlanEntry,
  PlanEvent,
  PlanInput,
  PullRequestEvent,
  PushEvent,
  RunPlan,
  ScheduleEvent,
  SkippedBenchmark,
  WorkflowDispatchEvent,
} from "./types.js";
export { planEventFromWebhook, type WebhookExtras } from "./webhook-event.js";
