import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { metricHistory, readBaselineStore } from "../baselines/index.js";
import type { BaselineStore } from "../baselines/types.js";
import { gateFailures } from "../compare/gate.js";
import { historyRunsNeeded } from "../compare/history-window.js";
import { type ComparisonReport, compareReceipts } from "../compare/index.js";
import { policyFromConfig } from "../compare/policy-from-config.js";
import { MaatError } from "../errors.js";
import type { GitHubClient } from "../github/client.js";
import { syncRegressionIssues } from "../github/regression-issues.js";
import { parseRepository } from "../github/repository.js";
import { upsertStickyComment } from "../github/sticky-comment.js";
import { JOB_SUMMARY_LIMIT, renderReport, summaryLine, type TrendPoint } from "../report/index.js";
import { regressionFindings } from "./regression-findings.js";
import { loadStepInputs } from "./step-inputs.js";
import type { StepReporter, WorkflowContext } from "./workflow-context.js";

export interface ReportStepOptions {
  context: WorkflowContext;
  configPath: string;
  resultsDir: string;
  baselinesDir: string;
  failOnRegression: boolean | undefined;
  comment: boolean;
  octokit: GitHubClient | undefined;
  reporter: StepReporter;
  /** Pull this run's receipts from the results store first; undefined: when maat.toml names a store. */
  pullResults?: boolean | undefined;
  env?: Record<string, string | undefined>;
}

/**
 * `command: report`: weighs every receipt of the workflow run against the baselines, writes the
 * report (file, job summary, sticky PR comment), keeps regression issues in step on scheduled
 * and default-branch runs, and fails the step on regressions or failed benchmarks.
 */
export async function reportStep(options: ReportStepOptions): Promise<ComparisonReport> {
  const { context, reporter } = options;
  const { root, config, receipts } = await loadStepInputs(context, options);
  if (receipts.length === 0) {
    // The report runs only when benchmarks were planned: no receipt means none of them delivered.
    const body = `## Maat benchmark report\n\n❌ **No result receipts reached the report.** The planned benchmark jobs produced none: check their logs and the results artifacts${context.runUrl ? ` of [the workflow run](${context.runUrl})` : ""}.\n`;
    await reporter.appendSummary(body);
    await commentOnPullRequest(options, config.pullRequests.comment, body);
    reporter.setOutput("verdict", "failed");
    throw new MaatError(`no result receipts in ${options.resultsDir}`, {
      hint: "the run jobs upload .maat/results/ as maat-results-* artifacts; download them into results-dir before the report",
      exitCode: 1,
    });
  }
  const policy = policyFromConfig(config);
  const store = await readBaselineStore(
    path.resolve(root, options.baselinesDir),
    receipts.map((r) => r.benchmark.id),
    { recentRuns: historyRunsNeeded(policy) },
  );
  const report = compareReceipts(receipts, store, policy);
  const input = {
    report,
    receipts,
    history: trendReader(store),
    links: context.runUrl
      ? { runUrl: context.runUrl, summaryUrl: context.runUrl, artifactsUrl: `${context.runUrl}#artifacts` }
      : {},
    title: "Maat benchmark report",
  };

  const full = renderReport(input, { limit: JOB_SUMMARY_LIMIT });
  const reportPath = path.join(path.resolve(root, options.resultsDir), "..", "report.md");
  await mkdir(path.dirname(reportPath), { recursive: true });
  await writeFile(reportPath, full.markdown);
  await reporter.appendSummary(full.markdown);
  reporter.info(summaryLine(report));

  await commentOnPullRequest(options, config.pullRequests.comment, renderReport(input).markdown);
  const repo = context.repository ? parseRepository(context.repository) : undefined;
  if (tracksRegressions(context) && options.octokit && repo) {
    const actions = await syncRegressionIssues(
      options.octokit,
      repo,
      regressionFindings(report, store, receipts, policy, config.compare.persistence),
      {
        labels: config.issues.labels,
        assignees: config.issues.assignees,
        closeAfterGoodRuns: config.issues.closeAfterGoodRuns,
        ...(context.runUrl ? { runUrl: context.runUrl } : {}),
        repositoryUrl: `${context.serverUrl}/${context.repository}`,
      },
    );
    for (const action of actions) {
      if ("number" in action) reporter.info(`Regression issue ${action.kind}: #${action.number}`);
      else if (action.kind === "suspected") {
        reporter.info(
          `Regression not confirmed yet (${action.fingerprint}); an issue opens once the next runs confirm a step (docs/statistics.md, gate replay).`,
        );
      }
    }
  }

  const { totals } = report;
  reporter.setOutput("verdict", overallVerdict(report));
  reporter.setOutput("regressions", String(totals.regressions));
  reporter.setOutput("improvements", String(totals.improvements));
  reporter.setOutput("failed", String(report.benchmarks.filter((b) => b.status !== "succeeded").length));
  reporter.setOutput("report-path", path.relative(root, reportPath));

  const failOnRegression = options.failOnRegression ?? config.compare.failOnRegression;
  const problems = gateFailures(report, {
    failOnRegression,
    failOnIncomparable: config.compare.failOnIncomparable,
  });
  if (failOnRegression && totals.regressions > 0) problems[0] = summaryLine(report, { markdown: false });
  if (problems.length > 0) {
    throw new MaatError(problems.join("; "), { hint: "see the report in the job summary", exitCode: 1 });
  }
  return report;
}

/** Regression issues follow the default branch: scheduled runs and pushes (to the default branch). */
/** Creates or updates the sticky comment when this is a pull request and commenting is on. */
async function commentOnPullRequest(
  options: ReportStepOptions,
  configAllows: boolean,
  body: string,
): Promise<void> {
  const { context, octokit, reporter } = options;
  const pullRequest = Number((context.payload.pull_request as { number?: number } | undefined)?.number);
  if (!Number.isInteger(pullRequest) || !options.comment || !configAllows || !octokit || !context.repository)
    return;
  const target = {
    ...parseRepository(context.repository),
    issueNumber: pullRequest,
    workflow: context.workflow,
  };
  const result = await upsertStickyComment(octokit, target, body);
  reporter.info(`Pull request comment ${result.action}: ${result.url}`);
}

function tracksRegressions(context: WorkflowContext): boolean {
  if (context.eventName === "schedule") return true;
  if (context.eventName !== "push") return false;
  const defaultBranch = (context.payload.repository as { default_branch?: string } | undefined)
    ?.default_branch;
  return defaultBranch !== undefined && context.ref === `refs/heads/${defaultBranch}`;
}

function trendReader(store: BaselineStore) {
  return (benchmarkId: string, hardwareSlug: string, metric: string): TrendPoint[] => {
    const baseline = store.baselines(benchmarkId).find((b) => b.hardware.slug === hardwareSlug);
    if (!baseline) return [];
    return metricHistory(baseline, metric, { includeRegressed: true }).runs.map((run) => ({
      label: run.commit?.slice(0, 7) ?? run.date.slice(5, 10),
      value: run.summary.mean,
    }));
  };
}

/** The report step's `verdict` output: the first that applies, in this order (action.yml lists them). */
export const REPORT_VERDICTS = [
  "failed",
  "regression",
  "incomparable",
  "improvement",
  "unchanged",
  "no-baseline",
  "inconclusive",
  "none",
] as const;

function overallVerdict(report: ComparisonReport): (typeof REPORT_VERDICTS)[number] {
  const t = report.totals;
  if (report.benchmarks.some((b) => b.status !== "succeeded")) return "failed";
  if (t.regressions > 0) return "regression";
  if (t.incomparable > 0) return "incomparable";
  if (t.improvements > 0) return "improvement";
  if (t.unchanged > 0) return "unchanged";
  if (t.noBaseline > 0) return "no-baseline";
  return t.benchmarks === 0 ? "none" : "inconclusive";
}
