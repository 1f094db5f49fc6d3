// The GitHub Action entry: reads inputs once, calls the library step, reports failures once.
import "../src/cli/compile-cache.js";
import * as core from "@actions/core";
import { MaatError } from "../src/errors.js";
import { createGitHubClient } from "../src/github/client.js";
import { describeGitHubFailure } from "../src/github/github-failure.js";
import { benchmarkEnvironment } from "../src/runners/benchmark-environment.js";
import { readSettings } from "./settings.js";
import { coreReporter } from "./step-reporter.js";
import { readWorkflowContext } from "./workflow-context.js";

async function main(): Promise<void> {
  const settings = readSettings();
  // Credentials of this job never reach a benchmark; their values are masked in GitHub's log too.
  for (const secret of benchmarkEnvironment(process.env, { mode: "ci" }).secrets) core.setSecret(secret);
  const context = readWorkflowContext(process.env);
  const octokit = settings.token
    ? createGitHubClient({ token: settings.token, baseUrl: context.apiUrl, log: (m) => core.warning(m) })
    : undefined;
  const controller = new AbortController();
  // GitHub cancels a job with SIGINT, then SIGTERM: stop the benchmark and keep what we have.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => controller.abort(new Error(`${signal} received`)));
  }
  const common = { context, configPath: settings.configPath, reporter: coreReporter };
  switch (settings.command) {
    // Each step loads only its own code (a separate chunk of the bundle), so all four start fast.
    case "plan": {
      const { planStep } = await import("../src/workflow/plan-step.js");
      return planStep({
        ...common,
        descriptorGlobs: settings.descriptorGlobs,
        benchmarks: settings.benchmarks,
        octokit,
        now: new Date(),
      });
    }
    case "run": {
      const { runStep } = await import("../src/workflow/run-step.js");
      await runStep({
        ...common,
        descriptors: settings.descriptors,
        resultsDir: settings.resultsDir,
        baselinesDir: settings.baselinesDir,
        repetitions: settings.repetitions,
        runnerLabels: settings.runnerLabels,
        backend: settings.backend,
        env: process.env,
        signal: controller.signal,
        pushResults: settings.pushResults,
      });
      return;
    }
    case "report": {
      const { reportStep } = await import("../src/workflow/report-step.js");
      await reportStep({
        ...common,
        resultsDir: settings.resultsDir,
        baselinesDir: settings.baselinesDir,
        failOnRegression: settings.failOnRegression,
        comment: settings.comment,
        octokit,
        pullResults: settings.pullResults,
        env: process.env,
      });
      return;
    }
    case "baseline": {
      const { baselineStep } = await import("../src/workflow/baseline-step.js");
      return baselineStep({
        ...common,
        resultsDir: settings.resultsDir,
        baselinesDir: settings.baselinesDir,
        mode: settings.baselineMode,
        octokit,
        pullResults: settings.pullResults,
        env: process.env,
      });
    }
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof MaatError) {
    core.setFailed(error.hint ? `${error.message}\nHint: ${error.hint}` : error.message);
  } else {
    const github = describeGitHubFailure(error);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    core.setFailed(github ?? `Maat failed unexpectedly; please report this with the log:\n${detail}`);
  }
}
