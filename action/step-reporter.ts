import * as core from "@actions/core";
import type { StepReporter } from "../src/workflow/workflow-context.js";

/** GitHub's job summary limit per step; longer summaries are rejected by the runner. */
const SUMMARY_LIMIT = 1024 * 1024;

/** StepReporter backed by @actions/core: outputs, job summary, annotations, log groups. */
export const coreReporter: StepReporter = {
  setOutput: (name, value) => core.setOutput(name, value),
  async appendSummary(markdown) {
    const text =
      Buffer.byteLength(markdown) > SUMMARY_LIMIT
        ? `${markdown.slice(0, SUMMARY_LIMIT - 2048)}\n\n_Summary truncated at GitHub's 1 MiB limit; the full report is in the results artifact._\n`
        : markdown;
    await core.summary.addRaw(text, true).write();
  },
  annotate(level, message, at) {
    const properties = at ? { file: at.file, startLine: at.line, startColumn: at.column } : {};
    if (level === "error") core.error(message, properties);
    else core.warning(message, properties);
  },
  info: (message) => core.info(message),
  notice: (message) => core.notice(message),
  warning: (message) => core.warning(message),
  group: (name, work) => core.group(name, work),
  setFailed: (message) => core.setFailed(message),
};
