import { code, escapeMarkdown } from "../markdown/escape.js";
import { sha256Hex } from "../sha256.js";
import type { GitHubClient } from "./client.js";
import type { RepositoryRef } from "./repository.js";

/** What one scheduled / default-branch run says about one (benchmark, metric, hardware). */
export interface MetricHealth {
  benchmark: string;
  metric: string;
  /** Hardware key slug: regressions are tracked per hardware. */
  hardware: string;
  /**
   * `regression`: a change the gate replay confirmed as a step (opens or updates the issue).
   * `suspected`: not confirmed yet; it updates an open issue but opens none, since a one-off
   * outlier reverts on its own.
   */
  state: "regression" | "suspected" | "healthy";
  /** Markdown with the numbers of this run (baseline, this run, change, CI). */
  details: string;
  /** Commit range the change point is attributed to, e.g. "abc1234...def5678". */
  commitRange?: string;
}

export interface IssuePolicy {
  labels: string[];
  assignees: string[];
  /** Consecutive healthy runs before an open regression issue is closed (avoids flapping). */
  closeAfterGoodRuns: number;
  /** Link to the workflow run, quoted in every update. */
  runUrl?: string;
  /** Repository URL for commit range links, e.g. https://github.com/team/models. */
  repositoryUrl?: string;
}

export type IssueAction =
  | { kind: "opened" | "commented" | "closed" | "healthy-run-recorded"; number: number; fingerprint: string }
  | { kind: "none" | "suspected"; fingerprint: string };

export function regressionFingerprint(
  health: Pick<MetricHealth, "benchmark" | "metric" | "hardware">,
): string {
  return sha256Hex(`${health.benchmark}\n${health.metric}\n${health.hardware}`).slice(0, 16);
}

export function regressionIssueTitle(
  health: Pick<MetricHealth, "benchmark" | "metric" | "hardware">,
): string {
  return `Performance regression: ${health.benchmark} / ${health.metric} (${health.hardware})`;
}

const fingerprintLine = (fingerprint: string) => `<!-- maat:regression fingerprint=${fingerprint} -->`;
const goodRunsPattern = /<!-- maat:good-runs=(\d+) -->/;

/**
 * Keeps one GitHub issue per regressed (benchmark, metric, hardware): opens it, comments on
 * it when the regression is seen again, and closes it after enough healthy runs.
 */
export async function syncRegressionIssues(
  octokit: GitHubClient,
  repository: RepositoryRef,
  findings: MetricHealth[],
  policy: IssuePolicy,
): Promise<IssueAction[]> {
  const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repository,
    state: "open",
    per_page: 100,
    ...(policy.labels[0] ? { labels: policy.labels[0] } : {}),
  });
  const actions: IssueAction[] = [];
  for (const finding of findings) {
    const fingerprint = regressionFingerprint(finding);
    const issue = open.find((i) => !i.pull_request && i.body?.includes(fingerprintLine(fingerprint)));
    const body = issue?.body ?? "";
    if (finding.state === "suspected" && !issue) {
      actions.push({ kind: "suspected", fingerprint });
      continue;
    }
    if (finding.state !== "healthy") {
      if (!issue) {
        const number = await createOnce(octokit, repository, fingerprint, {
          title: regressionIssueTitle(finding),
          body: renderIssueBody(finding, fingerprint, policy, 0),
          labels: policy.labels,
          ...(policy.assignees.length ? { assignees: policy.assignees } : {}),
        });
        actions.push({ kind: "opened", number, fingerprint });
        continue;
      }
      await octokit.rest.issues.createComment({
        ...repository,
        issue_number: issue.number,
        body: `The regression is still there.\n\n${renderNumbers(finding, policy)}`,
      });
      if (goodRunsOf(body) > 0) {
        await octokit.rest.issues.update({
          ...repository,
          issue_number: issue.number,
          body: withGoodRuns(body, 0),
        });
      }
      actions.push({ kind: "commented", number: issue.number, fingerprint });
      continue;
    }
    if (!issue) {
      actions.push({ kind: "none", fingerprint });
      continue;
    }
    const goodRuns = goodRunsOf(body) + 1;
    if (goodRuns >= policy.closeAfterGoodRuns) {
      await octokit.rest.issues.createComment({
        ...repository,
        issue_number: issue.number,
        body: `Back within its baseline for ${goodRuns} run(s) in a row; closing.\n\n${renderNumbers(finding, policy)}`,
      });
      await octokit.rest.issues.update({
        ...repository,
        issue_number: issue.number,
        state: "closed",
        state_reason: "completed",
        body: withGoodRuns(body, goodRuns),
      });
      actions.push({ kind: "closed", number: issue.number, fingerprint });
    } else {
      await octokit.rest.issues.update({
        ...repository,
        issue_number: issue.number,
        body: withGoodRuns(body, goodRuns),
      });
      actions.push({ kind: "healthy-run-recorded", number: issue.number, fingerprint });
    }
  }
  return actions;
}

/**
 * Opens the issue without blind retries: GitHub may save it and still answer 5xx, so after a
 * failure look for the fingerprint first and open it again only when it is not there.
 */
async function createOnce(
  octokit: GitHubClient,
  repository: RepositoryRef,
  fingerprint: string,
  issue: { title: string; body: string; labels: string[]; assignees?: string[] },
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await octokit.rest.issues.create({ ...repository, ...issue, request: { retries: 0 } });
      return data.number;
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      if (attempt >= 3 || (status !== 0 && status < 500)) throw error;
      const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
        ...repository,
        state: "open",
        per_page: 100,
      });
      const saved = open.find((i) => !i.pull_request && i.body?.includes(fingerprintLine(fingerprint)));
      if (saved) return saved.number;
    }
  }
}

function goodRunsOf(body: string): number {
  return Number(goodRunsPattern.exec(body)?.[1] ?? 0);
}

function withGoodRuns(body: string, count: number): string {
  const line = `<!-- maat:good-runs=${count} -->`;
  return goodRunsPattern.test(body) ? body.replace(goodRunsPattern, line) : `${body}\n${line}`;
}

function renderIssueBody(
  finding: MetricHealth,
  fingerprint: string,
  policy: IssuePolicy,
  goodRuns: number,
): string {
  return [
    fingerprintLine(fingerprint),
    `Maat found a persistent regression of **${escapeMarkdown(finding.metric)}** in benchmark **${escapeMarkdown(finding.benchmark)}** on hardware ${code(finding.hardware)}.`,
    "",
    renderNumbers(finding, policy),
    "",
    `This issue is updated by later runs and closed after ${policy.closeAfterGoodRuns} healthy run(s) in a row.`,
    `<!-- maat:good-runs=${goodRuns} -->`,
  ].join("\n");
}

function renderNumbers(finding: MetricHealth, policy: IssuePolicy): string {
  const lines = [finding.details];
  if (finding.commitRange) {
    const link = policy.repositoryUrl
      ? `[${finding.commitRange}](${policy.repositoryUrl}/compare/${finding.commitRange})`
      : code(finding.commitRange);
    lines.push("", `Change point between commits ${link}.`);
  }
  if (policy.runUrl) lines.push("", `Workflow run: ${policy.runUrl}`);
  return lines.join("\n");
}
