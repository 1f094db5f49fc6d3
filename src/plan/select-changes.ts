import type { RepositoryConfig } from "../config/types.js";
import type { Descriptor } from "../descriptor/types.js";
import { gateForkPullRequest, shortSha } from "./fork-gate.js";
import { matchChangedFiles } from "./select-changed.js";
import type { Selection } from "./selection.js";
import type { PullRequestEvent, PushEvent } from "./types.js";

const UNTOUCHED = "no changed file touches it (its descriptor, its folder or its `run.watch` globs)";

/**
 * Pull requests run what they touch. Scheduled (cron) benchmarks normally run on their
 * schedule, but a pull request that changes a scheduled benchmark's own files runs it too,
 * so the change can be checked before it lands. The run-all label runs every benchmark,
 * scheduled ones included. Fork pull requests are gated first (see gateForkPullRequest).
 */
export function selectForPullRequest(
  descriptors: Descriptor[],
  event: PullRequestEvent,
  config: RepositoryConfig,
): Selection {
  const { runAllLabel, trustLabel } = config.pullRequests;
  const gate = gateForkPullRequest(event, trustLabel);
  const runAll = event.labels.includes(runAllLabel);
  const matches = matchChangedFiles(descriptors, event.changedFiles);
  const selection: Selection = {
    selected: new Map(),
    skipped: new Map(),
    notes: gate.note ? [gate.note] : [],
  };
  for (const d of descriptors) {
    const scheduled = d.info.scheduling !== "single_run";
    const match = matches.get(d.id);
    let reason: string | undefined;
    if (runAll) reason = `label \`${runAllLabel}\``;
    else if (match !== undefined)
      reason = scheduled ? `${match} (scheduled benchmark: its own files changed)` : match;
    if (reason === undefined) {
      selection.skipped.set(
        d.id,
        scheduled
          ? `scheduled (\`${d.info.scheduling}\`): runs on pull requests only when its own files change`
          : UNTOUCHED,
      );
    } else if (!gate.trusted) {
      selection.skipped.set(
        d.id,
        `would run (${reason}), but the fork is not trusted at ${shortSha(event.headSha)}`,
      );
    } else {
      selection.selected.set(d.id, reason);
    }
  }
  return selection;
}

/**
 * Pushes to the baseline branch (`baselines.branch`, else the default branch) rerun the
 * single-run benchmarks the push touched, so their baselines follow the code. Other branches
 * plan nothing: their changes are measured on their pull request, and a baseline is only
 * meaningful on one line of history. Scheduled benchmarks refresh their baselines on schedule.
 */
export function selectForPush(
  descriptors: Descriptor[],
  event: PushEvent,
  config: RepositoryConfig,
): Selection {
  const branch = config.baselines.branch ?? event.defaultBranch;
  const selection: Selection = { selected: new Map(), skipped: new Map(), notes: [] };
  if (event.ref !== `refs/heads/${branch}`) {
    selection.notes.push(
      `Nothing to run for a push to \`${event.ref}\`: only pushes to \`${branch}\` refresh baselines; ` +
        "changes on other branches are benchmarked on their pull request.",
    );
    for (const d of descriptors) selection.skipped.set(d.id, `push to \`${event.ref}\`, not \`${branch}\``);
    return selection;
  }
  const matches = matchChangedFiles(descriptors, event.changedFiles);
  for (const d of descriptors) {
    const match = matches.get(d.id);
    if (d.info.scheduling !== "single_run") {
      selection.skipped.set(
        d.id,
        `scheduled (\`${d.info.scheduling}\`): its baseline is refreshed on schedule`,
      );
    } else if (match === undefined) {
      selection.skipped.set(d.id, UNTOUCHED);
    } else {
      selection.selected.set(d.id, match);
    }
  }
  return selection;
}
