import { listRunArtifacts, listWorkflowRuns, listWorkflowRunsOfWorkflow } from "./actions.js";
import { createComment, deleteComment, listComments, updateComment } from "./comments.js";
import type { Handler } from "./handler.js";
import { createIssue, getIssue, listIssues, updateIssue } from "./issues.js";
import {
  addIssueLabels,
  createLabel,
  listIssueEvents,
  listIssueLabels,
  listRepoLabels,
  removeIssueLabel,
} from "./labels.js";
import { createPull, getPull, listPullFiles } from "./pulls.js";
import { compareCommits, getAuthenticatedUser, getContent, getRepo } from "./repos.js";

/** The operations the fake serves, by GitHub's operationId. Others answer 404 and count as violations. */
export const HANDLERS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ["issues/list-comments", listComments],
  ["issues/create-comment", createComment],
  ["issues/update-comment", updateComment],
  ["issues/delete-comment", deleteComment],
  ["issues/list-for-repo", listIssues],
  ["issues/create", createIssue],
  ["issues/get", getIssue],
  ["issues/update", updateIssue],
  ["issues/list-labels-for-repo", listRepoLabels],
  ["issues/create-label", createLabel],
  ["issues/list-labels-on-issue", listIssueLabels],
  ["issues/add-labels", addIssueLabels],
  ["issues/remove-label", removeIssueLabel],
  ["issues/list-events", listIssueEvents],
  ["pulls/get", getPull],
  ["pulls/list-files", listPullFiles],
  ["pulls/create", createPull],
  ["users/get-authenticated", getAuthenticatedUser],
  ["repos/get", getRepo],
  ["repos/compare-commits-with-basehead", compareCommits],
  ["repos/get-content", getContent],
  ["actions/list-workflow-runs-for-repo", listWorkflowRuns],
  ["actions/list-workflow-runs", listWorkflowRunsOfWorkflow],
  ["actions/list-workflow-run-artifacts", listRunArtifacts],
]);
