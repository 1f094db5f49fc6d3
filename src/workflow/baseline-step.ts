import { foldReceipts } from "../baselines/index.js";
import { flagRegressions } from "../compare/flag-regressions.js";
import { policyFromConfig } from "../compare/policy-from-config.js";
import { MaatError } from "../errors.js";
import { commitBaselines } from "../git/commit-baselines.js";
import type { GitHubClient } from "../github/client.js";
import { parseRepository } from "../github/repository.js";
import { loadStepInputs } from "./step-inputs.js";
import type { StepReporter, WorkflowContext } from "./workflow-context.js";

/** A 403 on opening the baseline pull request: the repository setting or the job's permissions. */
function pullRequestRefused(error: unknown, branch: string): unknown {
  const status = (error as { status?: number }).status;
  if (status !== 403) return error;
  const said = (error as Error).message;
  const hint = /not permitted to create or approve pull requests/i.test(said)
    ? "enable \"Allow GitHub Actions to create and approve pull requests\" in the repository's (or organization's) Settings > Actions > General"
    : "give the baseline job permissions: { contents: write, pull-requests: write }";
  return new MaatError(`pushed ${branch}, but GitHub refused to open the pull request: ${said}`, {
    hint,
    cause: error,
  });
}

export interface BaselineStepOptions {
  context: WorkflowContext;
  configPath: string;
  resultsDir: string;
  baselinesDir: string;
  mode: "push" | "pull_request" | undefined;
  octokit: GitHubClient | undefined;
  reporter: StepReporter;
  /** Pull this run's receipts from the results store first; undefined: when maat.toml names a store. */
  pullResults?: boolean | undefined;
  env?: Record<string, string | undefined>;
}

/**
 * `command: baseline`: folds the succeeded receipts of this workflow run into `baselines/` and
 * commits them to the default branch (or opens a pull request with the change), retrying on
 * concurrent pushes so parallel jobs never lose a run.
 */
export async function baselineStep(options: BaselineStepOptions): Promise<void> {
  const { context, reporter } = options;
  const { root, config, receipts } = await loadStepInputs(context, options);
  if (receipts.length === 0) {
    reporter.info("No receipts to fold into the baselines.");
    return;
  }
  const payloadRepository = context.payload.repository as { default_branch?: string } | undefined;
  const branch = config.baselines.branch ?? payloadRepository?.default_branch ?? "main";
  const mode = options.mode ?? (config.baselines.commit === "pull_request" ? "pull_request" : "push");
  const prBranch = `maat/baselines-${context.runId || Date.now()}`;
  let refused = 0;
  const result = await commitBaselines({
    repoDir: root,
    branch,
    baselinesPath: options.baselinesDir,
    mode,
    prBranch,
    message: `maat: update baselines (${receipts.length} result(s))\n\nWorkflow run: ${context.runUrl || "local"}`,
    log: (message) => reporter.info(message),
    fold: async (dir) => {
      const regressions = await flagRegressions(dir, receipts, policyFromConfig(config));
      const report = await foldReceipts(dir, receipts, { maxRuns: config.baselines.maxRuns, regressions });
      refused = report.refused.length;
      for (const r of report.refused) reporter.warning(`not folded: ${r.resultId}: ${r.reason}`);
      return report.written.length > 0;
    },
  });
  reporter.info(
    result.outcome === "pushed"
      ? `Baselines committed to ${result.branch} (${result.commit?.slice(0, 7)}) after ${result.attempts} attempt(s); ${refused} refused.`
      : "Baselines already contain these results; nothing to commit.",
  );
  if (result.outcome === "pushed" && mode === "pull_request") {
    if (!options.octokit || !context.repository) {
      throw new MaatError(`pushed ${result.branch} but cannot open a pull request without github-token`);
    }
    const { data } = await options.octokit.rest.pulls
      .create({
        ...parseRepository(context.repository),
        title: "maat: update benchmark baselines",
        head: result.branch,
        base: branch,
        body: `Folds the results of ${context.runUrl || "a Maat run"} into \`${options.baselinesDir}/\`.`,
      })
      .catch((error: unknown) => {
        throw pullRequestRefused(error, result.branch);
      });
    reporter.info(`Opened baseline pull request #${data.number}: ${data.html_url}`);
  }
}
