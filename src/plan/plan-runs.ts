import { runnerFor } from "../config/runner-for.js";
import type { Descriptor } from "../descriptor/types.js";
import { scheduleCoverageNotes } from "./schedule-coverage.js";
import { scheduleWindow } from "./schedule-window.js";
import { selectForPullRequest, selectForPush } from "./select-changes.js";
import { selectDispatched } from "./select-dispatch.js";
import { selectScheduled } from "./select-scheduled.js";
import type { Selection } from "./selection.js";
import { renderPlanSummary } from "./summary.js";
import type { PlanEntry, PlanInput, RunPlan } from "./types.js";

/**
 * Decides which benchmarks run for an event, where and why. Pure: everything it needs
 * (changed files, labels, the clock) comes in `input`; reading the event is the caller's job.
 *
 * @example
 * const plan = planRuns({ event: { kind: "workflow_dispatch", benchmarks: ["all"] }, descriptors, config, now: new Date() });
 */
export function planRuns(input: PlanInput): RunPlan {
  const { event, descriptors, config, now } = input;
  let selection: Selection;
  let title: string;
  switch (event.kind) {
    case "pull_request":
      selection = selectForPullRequest(descriptors, event, config);
      title = `pull request #${event.prNumber}`;
      break;
    case "push":
      selection = selectForPush(descriptors, event, config);
      title = `push to \`${event.ref}\``;
      break;
    case "schedule": {
      const window = scheduleWindow(event.cron, now, {
        graceMs: config.schedule.graceMs,
        ...(event.lastRunAt === undefined ? {} : { lastRunAt: event.lastRunAt }),
      });
      selection = selectScheduled(descriptors, window);
      selection.notes.unshift(...window.notes, ...scheduleCoverageNotes(descriptors, event.cron));
      title = `schedule \`${event.cron}\``;
      break;
    }
    case "workflow_dispatch":
      selection = selectDispatched(descriptors, event.benchmarks);
      title = "manual run";
      break;
  }
  const byPath = [...descriptors].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries = byPath.flatMap((d) => toEntry(d, selection, config));
  const skipped = byPath
    .filter((d) => !selection.selected.has(d.id))
    .map((d) => ({ id: d.id, path: d.path, reason: selection.skipped.get(d.id) ?? "not selected" }));
  const notes = [...selection.notes];
  if (descriptors.length === 0) notes.push("No descriptors found: check `descriptors` in maat.toml.");
  return { entries, skipped, notes, summaryMarkdown: renderPlanSummary(title, entries, skipped, notes) };
}

function toEntry(descriptor: Descriptor, selection: Selection, config: PlanInput["config"]): PlanEntry[] {
  const reason = selection.selected.get(descriptor.id);
  if (reason === undefined) return [];
  const { runsOn, backend } = runnerFor(config, descriptor);
  return [{ descriptor: descriptor.path, benchmark: descriptor.id, runsOn, backend, reason }];
}
