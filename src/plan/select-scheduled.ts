import type { Descriptor } from "../descriptor/types.js";
import { firesBetween, formatCronTime, parseCron } from "./cron.js";
import type { ScheduleWindow } from "./schedule-window.js";
import type { Selection } from "./selection.js";

/** Descriptors whose own cron fired in the window; every other one says when it is next due. */
export function selectScheduled(descriptors: Descriptor[], window: ScheduleWindow): Selection {
  const selection: Selection = { selected: new Map(), skipped: new Map(), notes: [] };
  const span = `(${formatCronTime(window.since)}, ${formatCronTime(window.until)}]`;
  for (const descriptor of descriptors) {
    const scheduling = descriptor.info.scheduling;
    if (scheduling === "single_run") {
      selection.skipped.set(descriptor.id, "single_run: not scheduled");
      continue;
    }
    let cron: ReturnType<typeof parseCron>;
    try {
      cron = parseCron(scheduling);
    } catch (error) {
      selection.skipped.set(descriptor.id, `invalid cron: ${(error as Error).message}`);
      continue;
    }
    const fires = firesBetween(cron, window.since, window.until, 1000);
    const [first] = fires;
    if (first === undefined) {
      const next = cron.nextAfter(window.until);
      selection.skipped.set(descriptor.id, `\`${scheduling}\`: next due at ${formatCronTime(next)}`);
    } else if (fires.length === 1) {
      selection.selected.set(descriptor.id, `\`${scheduling}\` fired at ${formatCronTime(first)}`);
    } else {
      const count = fires.length >= 1000 ? "1000+" : String(fires.length);
      selection.selected.set(descriptor.id, `\`${scheduling}\` fired ${count} times in ${span}; runs once`);
    }
  }
  return selection;
}
